using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Identity;

/// <summary>The shape of the current identity state, for <c>tagcenter identity stats</c>.</summary>
public sealed record IdentityStats(
    string? LastRun,
    long Persons,
    IReadOnlyList<(string Type, long Values)> IdentifiersPerType,
    IReadOnlyList<(long Size, long Persons)> SizeDistribution,
    IReadOnlyList<(string OneId, long Identifiers, string Sample)> Largest,
    IReadOnlyList<(string LimitedType, long Count)> Conflicts,
    IReadOnlyList<(string Type, string Value, long Occurrences)> Blocked)
{
    public static IdentityStats Read(WorkspaceDatabase db)
    {
        if (!db.TableExists("identity_runs") || !db.TableExists("identity_map"))
            return new IdentityStats(null, 0, [], [], [], [], []); // read-only callers: nothing to create, nothing ran
        return new IdentityStats(
            db.Scalar<string>("SELECT run_id FROM identity_runs ORDER BY run_at DESC LIMIT 1"),
            db.Scalar<long>("SELECT count(DISTINCT oneid) FROM identity_map WHERE entity = 'person'"),
            db.Rows("SELECT type, count(*) FROM identity_map GROUP BY type ORDER BY 2 DESC").Select(r => ((string)r[0]!, Convert.ToInt64(r[1]))).ToList(),
            db.Rows("""
                SELECT least(n, 10), count(*) FROM (SELECT oneid, count(*) AS n FROM identity_map WHERE entity = 'person' GROUP BY oneid) GROUP BY 1 ORDER BY 1
                """).Select(r => (Convert.ToInt64(r[0]), Convert.ToInt64(r[1]))).ToList(),
            db.Rows("""
                -- whole identifiers only (never cut mid-value), the most frequent first; "…" says there are more
                SELECT oneid, count(*) AS n,
                       array_to_string(list(type || ':' || value ORDER BY occurrences DESC, type, value)[1:4], ', ') || CASE WHEN count(*) > 4 THEN ', …' ELSE '' END
                FROM identity_map WHERE entity = 'person' GROUP BY oneid ORDER BY n DESC, oneid LIMIT 5
                """).Select(r => ((string)r[0]!, Convert.ToInt64(r[1]), (string)r[2]!)).ToList(),
            !db.TableExists("identity_conflicts") ? [] : db.Rows("SELECT limited_type, count(*) FROM identity_conflicts GROUP BY 1 ORDER BY 2 DESC").Select(r => ((string)r[0]!, Convert.ToInt64(r[1]))).ToList(),
            db.TableExists("id_blocked")
                ? db.Rows("SELECT type, value, occurrences FROM id_blocked ORDER BY occurrences DESC LIMIT 5").Select(r => ((string)r[0]!, (string)r[1]!, Convert.ToInt64(r[2]))).ToList()
                : []);
    }
}
