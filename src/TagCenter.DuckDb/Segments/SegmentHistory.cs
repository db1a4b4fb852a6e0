using TagCenter.Core.Segments;
using TagCenter.Core.Sql;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Segments;

/// <summary>
/// Records evaluations as membership changes and answers from them: runs (trend), members as of a run,
/// overlaps. Evaluations are numbered by <c>seq</c>, one number per pass over the segments.
/// </summary>
public static class SegmentHistory
{
    /// <summary>The number of the next evaluation pass.</summary>
    public static long NextSeq(WorkspaceDatabase db)
    {
        SegmentTables.Ensure(db);
        return db.Scalar<long>("SELECT coalesce(max(seq), 0) + 1 FROM segment_runs");
    }

    /// <summary>
    /// Stores the members of <paramref name="segment"/> found in <paramref name="column"/> of <see cref="SegmentEvaluator.Table"/>
    /// as changes against its open intervals: who left gets the interval closed at <paramref name="seq"/>, who entered a new one.
    /// </summary>
    public static SegmentRun Record(WorkspaceDatabase db, long seq, SegmentDefinition segment, string column, string? tagRun, DateTime asOf, DateTime evaluatedAt)
    {
        SegmentTables.Ensure(db);
        return db.InTransaction(() =>
        {
            db.Execute($"CREATE OR REPLACE TEMP TABLE tc_segment_now AS SELECT oneid FROM {SegmentEvaluator.Table} WHERE {SqlText.Ident(column)}");
            const string open = "SELECT oneid FROM segment_members WHERE segment = $1 AND to_seq IS NULL";
            var entered = db.Scalar<long>($"SELECT count(*) FROM tc_segment_now n WHERE NOT EXISTS ({open} AND oneid = n.oneid)", segment.Name);
            var left = db.Execute("""
                UPDATE segment_members SET to_seq = $2
                WHERE segment = $1 AND to_seq IS NULL AND NOT EXISTS (SELECT 1 FROM tc_segment_now n WHERE n.oneid = segment_members.oneid)
                """, segment.Name, seq);
            db.Execute($"INSERT INTO segment_members SELECT $1, oneid, $2, NULL FROM tc_segment_now n WHERE NOT EXISTS ({open} AND oneid = n.oneid)", segment.Name, seq);
            var size = db.Scalar<long>("SELECT count(*) FROM tc_segment_now");
            var persons = db.Scalar<long>($"SELECT count(*) FROM {SegmentEvaluator.Table}");
            var type = segment.Type == SegmentType.Static ? "static" : "dynamic";
            db.Execute("INSERT INTO segment_runs VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                segment.Name, seq, type, segment.Rule, tagRun, evaluatedAt, asOf, size, entered, (long)left, persons);
            return new SegmentRun(segment.Name, seq, type, segment.Rule, tagRun, evaluatedAt, asOf, size, entered, left, persons);
        });
    }

    /// <summary>Every evaluation of a segment, oldest first.</summary>
    public static IReadOnlyList<SegmentRun> Runs(WorkspaceDatabase db, string segment) => !SegmentTables.Exist(db) ? []
        : [.. db.Rows($"SELECT {SegmentRun.Columns} FROM segment_runs WHERE segment = $1 ORDER BY seq", segment).Select(SegmentRun.From)];

    /// <summary>Every evaluation of every segment, by segment and then in evaluation order.</summary>
    public static IReadOnlyList<SegmentRun> All(WorkspaceDatabase db) => !SegmentTables.Exist(db) ? []
        : [.. db.Rows($"SELECT {SegmentRun.Columns} FROM segment_runs ORDER BY segment, seq").Select(SegmentRun.From)];

    /// <summary>The latest evaluation of every segment, by name.</summary>
    public static IReadOnlyDictionary<string, SegmentRun> Latest(WorkspaceDatabase db) => !SegmentTables.Exist(db)
        ? new Dictionary<string, SegmentRun>()
        : db.Rows($"SELECT {SegmentRun.Columns} FROM segment_runs QUALIFY row_number() OVER (PARTITION BY segment ORDER BY seq DESC) = 1")
            .Select(SegmentRun.From).ToDictionary(r => r.Segment);

    /// <summary>
    /// The evaluation in force at <paramref name="asOf"/>: the one whose data is the latest as of then or earlier
    /// (runs may go back in time with <c>--as-of</c>, so by data time, not by order of evaluation; the later
    /// evaluation wins a tie), or the latest evaluation.
    /// </summary>
    public static SegmentRun? At(WorkspaceDatabase db, string segment, DateTime? asOf) => InForce(Runs(db, segment), asOf);

    /// <summary>Of <paramref name="runs"/> (in evaluation order), the one in force at <paramref name="asOf"/> (see <see cref="At"/>).</summary>
    public static SegmentRun? InForce(IReadOnlyList<SegmentRun> runs, DateTime? asOf) => asOf is null
        ? (runs.Count == 0 ? null : runs[^1])
        : runs.Where(r => r.AsOf <= asOf).OrderBy(r => r.AsOf).ThenBy(r => r.Seq).LastOrDefault();

    /// <summary>The SQL of the members of segment $1 at evaluation $2.</summary>
    public const string MembersAt = "SELECT oneid FROM segment_members WHERE segment = $1 AND from_seq <= $2 AND (to_seq IS NULL OR to_seq > $2)";

    /// <summary>The members at an evaluation, in OneID order (at most <paramref name="limit"/>).</summary>
    public static IReadOnlyList<string> Members(WorkspaceDatabase db, string segment, long seq, int? limit = null) =>
        [.. db.Rows($"{MembersAt} ORDER BY oneid{(limit is { } l ? $" LIMIT {l}" : "")}", segment, seq).Select(r => (string)r[0]!)];

    /// <summary>For each pair of segments (at their latest evaluation): members in both.</summary>
    public static long[,] Overlap(WorkspaceDatabase db, IReadOnlyList<SegmentRun> runs)
    {
        var matrix = new long[runs.Count, runs.Count];
        for (var i = 0; i < runs.Count; i++)
            for (var j = i; j < runs.Count; j++)
                matrix[i, j] = matrix[j, i] = i == j ? runs[i].Size : db.Scalar<long>("""
                    SELECT count(*) FROM segment_members a JOIN segment_members b USING (oneid)
                    WHERE a.segment = $1 AND a.from_seq <= $2 AND (a.to_seq IS NULL OR a.to_seq > $2)
                      AND b.segment = $3 AND b.from_seq <= $4 AND (b.to_seq IS NULL OR b.to_seq > $4)
                    """, runs[i].Segment, runs[i].Seq, runs[j].Segment, runs[j].Seq);
        return matrix;
    }

    /// <summary>Jaccard similarity |A∩B| / |A∪B| (1 for two empty sets).</summary>
    public static double Jaccard(long a, long b, long both) => a + b - both == 0 ? 1 : (double)both / (a + b - both);
}
