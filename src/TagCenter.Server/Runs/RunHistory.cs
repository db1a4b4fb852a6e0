using TagCenter.DuckDb.Storage;

namespace TagCenter.Server.Runs;

/// <summary>
/// <c>GET /runs</c>: what ran on the workspace, newest first, from its own tables — tag runs, source loads, identity
/// runs, segment passes — whoever started them (the CLI, a schedule, the API).
/// </summary>
internal static class RunHistory
{
    public static object Read(WorkspaceDatabase db, int limit) => new
    {
        tag_runs = Query(db, "tag_runs", "SELECT run_id, started_at, finished_at, as_of, persons, status FROM tag_runs ORDER BY started_at DESC LIMIT $1", limit,
            r => new { run_id = r[0], started_at = r[1], finished_at = r[2], as_of = r[3], persons = r[4], status = r[5] }),
        loads = Query(db, "loads", "SELECT load_id, source, started_at, finished_at, read, loaded, quarantined, status, error FROM loads ORDER BY started_at DESC LIMIT $1", limit,
            r => new { load_id = r[0], source = r[1], started_at = r[2], finished_at = r[3], read = r[4], loaded = r[5], quarantined = r[6], status = r[7], error = r[8] }),
        identity_runs = Query(db, "identity_runs", "SELECT run_id, run_at, identifiers, edges, persons, merges, splits, conflicts FROM identity_runs ORDER BY run_at DESC LIMIT $1", limit,
            r => new { run_id = r[0], run_at = r[1], identifiers = r[2], edges = r[3], persons = r[4], merges = r[5], splits = r[6], conflicts = r[7] }),
        // The engine's sum of BIGINT is 128-bit, which JSON would write as an object: cast back to BIGINT, a plain number.
        segment_passes = Query(db, "segment_runs", """
            SELECT seq, min(evaluated_at), any_value(tag_run), any_value(as_of), count(*), coalesce(sum(entered), 0)::BIGINT, coalesce(sum(exited), 0)::BIGINT
            FROM segment_runs GROUP BY seq ORDER BY seq DESC LIMIT $1
            """, limit,
            r => new { seq = r[0], evaluated_at = r[1], tag_run = r[2], as_of = r[3], segments = r[4], entered = r[5], left = r[6] }),
    };

    private static List<T> Query<T>(WorkspaceDatabase db, string table, string sql, int limit, Func<object?[], T> row) =>
        db.TableExists(table) ? [.. db.Rows(sql, limit).Select(row)] : [];
}
