using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Bench.Scale;

/// <summary>
/// What the scaled workspace must count, from the source alone: for each check rule, its members among all the
/// source's persons and among the persons the truncated last clone keeps (the first <c>kept</c> in OneID order).
/// The tag rule is counted in plain SQL over <c>person_tags</c> (independent of the product's compiler and index);
/// the behaviour rule by the product's index counter on the source (its members, as ordinals, mapped back to OneIDs),
/// and so is that rule for a person without facts (<see cref="ScaleRules.Factless"/>: <c>not did(…)</c> holds for
/// them), which clones without facts (<c>--facts</c> below 1) count instead.
/// </summary>
internal sealed record SourceCounts(long TagsAll, long TagsKept, long BehaviourAll, long BehaviourKept, long FactlessAll, long FactlessKept)
{
    public static SourceCounts Read(string root, long target)
    {
        using var db = WorkspaceDatabase.OpenReadOnly(Path.Combine(root, ".tagcenter", "tagcenter.duckdb"));
        var perClone = db.Scalar<long>("SELECT count(DISTINCT oneid) FROM person_tags");
        var copies = (target + perClone - 1) / perClone;
        var kept = target - ((copies - 1) * perClone);
        db.Execute($"CREATE TEMP TABLE scale_kept AS SELECT oneid, row_number() OVER (ORDER BY oneid) <= {kept} AS keep FROM (SELECT DISTINCT oneid FROM person_tags)");
        var spend = Code(db, "累计消费金额");
        var stage = Code(db, "生命周期阶段");
        var tags = db.Rows($"""
            SELECT count(*), count(*) FILTER (WHERE k.keep) FROM person_tags t JOIN scale_kept k ON k.oneid = t.oneid
            WHERE t."{spend}" > 3000 AND t."{stage}" = '沉默'
            """)[0];
        if (SegmentRunSizes.Mismatches(db) is > 0 and var runs)
            throw new InvalidOperationException($"{runs} segment runs of the source do not match their segment_members: the recount would be wrong");
        var definition = WorkspaceLoader.Load(root);
        var evaluator = new SegmentEvaluator(db, WorkspaceSegments.Published(db), WorkspaceSegments.AsOf(db, definition, TimeProvider.System));
        using var index = TagIndex.OpenCurrent(root, db);
        var counter = new IndexSegmentCounter(evaluator, index);
        var (behaviourAll, behaviourKept) = Members(db, counter, ScaleRules.Behaviour);
        var (factlessAll, factlessKept) = Members(db, counter, ScaleRules.Factless);
        return new SourceCounts(Convert.ToInt64(tags[0]), Convert.ToInt64(tags[1]), behaviourAll, behaviourKept, factlessAll, factlessKept);
    }

    /// <summary>The members of a rule on the source (by the product's index counter, as ordinals) among all persons and the kept ones.</summary>
    private static (long All, long Kept) Members(WorkspaceDatabase db, IndexSegmentCounter counter, string rule)
    {
        var members = counter.Members(ScaleRules.Segment(rule));
        db.Execute("CREATE OR REPLACE TEMP TABLE scale_members (ordinal UINTEGER)");
        using (var appender = db.Connection.CreateAppender("temp", "main", "scale_members"))
            foreach (var ordinal in members)
                appender.CreateRow().AppendValue(ordinal).EndRow();
        var found = db.Rows("""
            SELECT count(*), count(*) FILTER (WHERE k.keep) FROM scale_members m JOIN person_ordinals o ON o.ordinal = m.ordinal
            JOIN scale_kept k ON k.oneid = o.oneid
            """)[0];
        if (Convert.ToInt64(found[0]) != members.Cardinality)
            throw new InvalidOperationException($"{members.Cardinality} members of [{rule}] but {found[0]} map to persons");
        return (Convert.ToInt64(found[0]), Convert.ToInt64(found[1]));
    }

    private static string Code(WorkspaceDatabase db, string name) =>
        db.Scalar<string>("SELECT code FROM tag_catalog WHERE name = $1", name) ?? throw new InvalidOperationException($"no tag {name} in the source");
}
