using System.Diagnostics;
using TagCenter.Core.Bitmaps;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Expressions.Binding;
using TagCenter.Core.Index;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Segments;

/// <summary>
/// Counts a rule on the bitmap index of the last tag run: the binder's tree becomes an <see cref="IndexPlan"/>,
/// tag lookups and ranges come from the index, and what the index cannot answer (behaviour such as
/// <c>did('order_paid', within: 7d)</c>, person fields, arithmetic) is computed in SQL into a bitmap of person
/// ordinals and joined to the plan. Same persons as <see cref="SegmentEvaluator"/> at the run's as-of.
/// </summary>
public sealed class IndexSegmentCounter : ISegmentCounter
{
    private readonly WorkspaceDatabase _db;
    private readonly TagCatalog _catalog;
    private readonly ITagIndex _index;
    private readonly SegmentEvaluator _sql;

    public IndexSegmentCounter(WorkspaceDatabase db, TagCatalog catalog, DateTime asOf, ITagIndex index)
        : this(new SegmentEvaluator(db, catalog, asOf), index)
    {
    }

    /// <summary>On the index, with the SQL evaluator the caller already has (its schema and stored tags are read once).</summary>
    public IndexSegmentCounter(SegmentEvaluator sql, ITagIndex index)
    {
        _sql = sql;
        _db = sql.Database;
        _catalog = sql.Catalog;
        _index = index;
    }

    /// <summary>The plan of the last rule counted, as text (for <c>--explain</c>-style output).</summary>
    public string? LastPlan { get; private set; }

    /// <summary>Counts one rule; its problems are a <see cref="WorkspaceException"/> with their positions. The time covers planning and the bitmap work, after the rule is checked.</summary>
    public SegmentCount Count(SegmentDefinition segment, CancellationToken cancellationToken = default)
    {
        if (_sql.Check(segment) is { Count: > 0 } problems)
            throw new WorkspaceException(problems);
        var watch = Stopwatch.StartNew();
        var plan = Plan(segment);
        cancellationToken.ThrowIfCancellationRequested();
        var size = new IndexPlanExecutor(_index, Scan).Count(plan);
        LastPlan = PlanBuilder.Describe(plan);
        return new SegmentCount(size, _index.All.Cardinality, watch.Elapsed) { Engine = SegmentCount.IndexEngine };
    }

    /// <summary>The members of a rule as ordinals.</summary>
    public RoaringBitmap Members(SegmentDefinition segment)
    {
        if (_sql.Check(segment) is { Count: > 0 } problems)
            throw new WorkspaceException(problems);
        return new IndexPlanExecutor(_index, Scan).Execute(Plan(segment));
    }

    private IndexPlan Plan(SegmentDefinition segment)
    {
        var bound = Binder.Bind(segment.Rule, _sql.Schema, _catalog.Tags.ToDictionary(t => t.Name));
        return PlanBuilder.Build(bound.Root!, _index, _sql.AsOf);
    }

    /// <summary>A predicate the index cannot answer, computed in SQL: the ordinals of the persons for whom it is TRUE.</summary>
    private RoaringBitmap Scan(ScanPlan scan)
    {
        var predicate = TagCompiler.Predicate(_sql.Stored.Catalog, _sql.Schema, _sql.AsOf, (BoundNode)scan.Predicate, models: _sql.Stored.Values);
        return Ordinals(_db, $"SELECT oneid FROM ({predicate.Sql}) p", predicate.Parameters);
    }

    /// <summary>The ordinals of the persons a query of <c>oneid</c>s returns, as a bitmap.</summary>
    public static RoaringBitmap Ordinals(WorkspaceDatabase db, string oneIds, IReadOnlyList<object?>? parameters = null)
    {
        var rows = db.Rows($"SELECT o.ordinal FROM ({oneIds}) q JOIN person_ordinals o USING (oneid) ORDER BY 1", [.. parameters ?? []]);
        var ordinals = new uint[rows.Count];
        for (var i = 0; i < ordinals.Length; i++)
            ordinals[i] = Convert.ToUInt32(rows[i][0]);
        return RoaringBitmap.FromSorted(ordinals);
    }
}
