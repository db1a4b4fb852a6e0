using TagCenter.Core.Segments;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Bench.Scale;

/// <summary>The rules counted to check the clone: one on tags only, one with behaviour and a person field.</summary>
internal static class ScaleRules
{
    public const string Tags = "累计消费金额 > 3000 and 生命周期阶段 = '沉默'";

    public const string Behaviour = "age between 18 and 25 and 城市 = '上海' and not did('orders', within: 30d)";

    /// <summary><see cref="Behaviour"/> for persons without facts, for whom <c>not did(…)</c> holds.</summary>
    public const string Factless = "age between 18 and 25 and 城市 = '上海'";

    public static SegmentDefinition Segment(string rule) => new() { Name = "scale-check", Rule = rule, File = "<scale>" };

    /// <summary>The product's count of a rule on a workspace: on its index (as the server answers), and in SQL when asked.</summary>
    public static (long Index, long? Sql) Count(WorkspaceDatabase db, string root, string rule, bool sql)
    {
        var definition = WorkspaceLoader.Load(root);
        var asOf = WorkspaceSegments.AsOf(db, definition, TimeProvider.System);
        var evaluator = new SegmentEvaluator(db, WorkspaceSegments.Published(db), asOf);
        using var index = TagIndex.OpenCurrent(root, db);
        var counted = new IndexSegmentCounter(evaluator, index).Count(Segment(rule));
        if (counted.Engine != SegmentCount.IndexEngine)
            throw new InvalidOperationException($"counted by {counted.Engine}, not the index");
        return (counted.Size, sql ? evaluator.Count(Segment(rule)).Size : null);
    }
}
