using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Ingest;

/// <summary>The state of every declared source: its last load, rows now held, and what sits in quarantine.</summary>
public sealed record SourceStatus(string Source, string? LastLoadId, string? LastStatus, DateTime? LastFinished,
    long? Read, long? Loaded, long? Quarantined, IReadOnlyList<ReasonCount> TopReasons)
{
    public static IReadOnlyList<SourceStatus> For(WorkspaceDatabase database, IEnumerable<string> sources) =>
        sources.Select(name =>
        {
            var last = database.Rows(
                "SELECT load_id, status, finished_at, read, loaded, quarantined FROM loads WHERE source = $1 ORDER BY finished_at DESC LIMIT 1", name);
            var reasons = database.Rows(
                """SELECT reason, "column", count(*) AS n FROM quarantine WHERE source = $1 GROUP BY ALL ORDER BY n DESC, reason LIMIT 5""", name)
                .Select(r => new ReasonCount((string)r[0]!, (string?)r[1], Convert.ToInt64(r[2]))).ToList();
            if (last.Count == 0)
                return new SourceStatus(name, null, null, null, null, null, null, reasons);
            var row = last[0];
            return new SourceStatus(name, (string?)row[0], (string?)row[1], (DateTime?)row[2],
                (long?)row[3], (long?)row[4], (long?)row[5], reasons);
        }).ToList();
}
