using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Segments;

/// <summary>
/// Segment membership stored as changes: one row per segment and evaluation (<c>segment_runs</c>: size,
/// entered, exited) and one interval per stay in a segment (<c>segment_members</c>: from the evaluation a
/// person entered to the one they left, open while they are in). Members as of a run, entered/left and size
/// per run are plain queries, and storage grows with change, not with runs.
/// </summary>
internal static class SegmentTables
{
    public static void Ensure(WorkspaceDatabase db) => db.Execute("""
        CREATE TABLE IF NOT EXISTS segment_runs (
            segment VARCHAR, seq BIGINT, type VARCHAR, rule VARCHAR, tag_run VARCHAR, evaluated_at TIMESTAMP, as_of TIMESTAMP,
            size BIGINT, entered BIGINT, exited BIGINT, persons BIGINT, PRIMARY KEY (segment, seq));
        CREATE TABLE IF NOT EXISTS segment_members (segment VARCHAR, oneid VARCHAR, from_seq BIGINT, to_seq BIGINT);
        """);

    /// <summary>Whether segment history exists (read-only callers must not create tables).</summary>
    public static bool Exist(WorkspaceDatabase db) => db.TableExists("segment_runs") && db.TableExists("segment_members");
}
