using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Ingest;

/// <summary>
/// The state of every declared source: its last load (and why it failed, if it did), the rows now held (those
/// of the last successful load, which a failed load leaves in place), and what sits in quarantine.
/// </summary>
public sealed record SourceStatus(string Source, string? LastLoadId, string? LastStatus, DateTime? LastFinished,
    long? Read, long? Loaded, long? Quarantined, IReadOnlyList<ReasonCount> TopReasons)
{
    /// <summary>Why the last load failed (null when it did not).</summary>
    public string? Error { get; init; }

    /// <summary>When the rows now held were loaded (the last successful load).</summary>
    public DateTime? HeldSince { get; init; }

    public static IReadOnlyList<SourceStatus> For(WorkspaceDatabase database, IEnumerable<string> sources) =>
        sources.Select(name =>
        {
            var last = database.Rows(
                "SELECT load_id, status, finished_at, error FROM loads WHERE source = $1 ORDER BY finished_at DESC LIMIT 1", name);
            var held = database.Rows(
                "SELECT finished_at, read, loaded, quarantined FROM loads WHERE source = $1 AND status = 'loaded' ORDER BY finished_at DESC LIMIT 1", name);
            var reasons = database.Rows(
                """SELECT reason, "column", action, count(*) AS n FROM quarantine WHERE source = $1 GROUP BY ALL ORDER BY n DESC, reason LIMIT 8""", name)
                .Select(r => new ReasonCount((string)r[0]!, (string?)r[1], Convert.ToInt64(r[3])) { Action = (string)r[2]! }).ToList();
            if (last.Count == 0)
                return new SourceStatus(name, null, null, null, null, null, null, reasons);
            var (l, h) = (last[0], held.Count == 0 ? null : held[0]);
            return new SourceStatus(name, (string?)l[0], (string?)l[1], (DateTime?)l[2], (long?)h?[1], (long?)h?[2], (long?)h?[3], reasons)
            {
                Error = (string?)l[3],
                HeldSince = (DateTime?)h?[0],
            };
        }).ToList();
}
