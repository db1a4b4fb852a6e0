using TagCenter.DuckDb.Storage;

namespace TagCenter.Bench.Scale;

/// <summary>
/// The source's segment runs, copied once, with their figures recounted from the cloned membership intervals
/// (<c>segment_members</c>: in the run of seq s while from_seq ≤ s and not yet closed), as SegmentHistory reads them:
/// size, entered, exited; persons scaled with the persons.
/// </summary>
internal static class SegmentRunSizes
{
    public static int Recount(WorkspaceDatabase db, long persons, long perClone) => db.Execute($"""
        UPDATE segment_runs r SET size = f.size, entered = f.entered, exited = f.exited,
            persons = CAST(round(r.persons * {persons} / {perClone}) AS BIGINT)
        FROM ({Figures}) f
        WHERE f.segment = r.segment AND f.seq = r.seq
        """);

    /// <summary>The runs whose stored figures the recount would not reproduce on the source (0: the recount is right).</summary>
    public static long Mismatches(WorkspaceDatabase db) => db.Scalar<long>($"""
        SELECT count(*) FROM segment_runs r JOIN ({Figures}) f ON f.segment = r.segment AND f.seq = r.seq
        WHERE (r.size, r.entered, r.exited) IS DISTINCT FROM (f.size, f.entered, f.exited)
        """);

    private const string Figures = """
        SELECT r.segment, r.seq,
            count(m.oneid) FILTER (WHERE m.from_seq <= r.seq AND (m.to_seq IS NULL OR m.to_seq > r.seq)) AS size,
            count(m.oneid) FILTER (WHERE m.from_seq = r.seq) AS entered,
            count(m.oneid) FILTER (WHERE m.to_seq = r.seq) AS exited
        FROM segment_runs r LEFT JOIN segment_members m ON m.segment = r.segment GROUP BY r.segment, r.seq
        """;
}
