using TagCenter.Core.Bitmaps;

namespace TagCenter.Core.Index;

/// <summary>
/// Runs an <see cref="IndexPlan"/> against an <see cref="ITagIndex"/>; the predicates the index cannot answer go to
/// <c>scan</c> (the engine evaluates them into a bitmap of ordinals). Intersections go smallest first and stop at
/// empty; a count intersects the last two operands by cardinality only, without building the result.
/// The index's bitmaps are never modified.
/// </summary>
public sealed class IndexPlanExecutor(ITagIndex index, Func<ScanPlan, RoaringBitmap> scan)
{
    /// <summary>The persons (ordinals) the plan describes.</summary>
    public RoaringBitmap Execute(IndexPlan plan) => plan switch
    {
        AllPlan => index.All,
        NonePlan => new RoaringBitmap(),
        EqualsPlan e => index.Equal(e.Tag, e.Value),
        HasValuePlan h => index.HasValue(h.Tag),
        RangePlan r => index.Range(r.Tag, r.Operator, r.Value),
        RangePairPlan p => index.Range(p.Tag, p.First, p.Second),
        ScanPlan s => scan(s),
        AndPlan and => Intersect(and.Parts, out _, countOnly: false),
        OrPlan or => or.Parts.Select(Execute).Aggregate(RoaringBitmap.Or),
        AndNotPlan n => n.Left is AllPlan ? RoaringBitmap.AndNot(index.All, Execute(n.Right)) : AndNot(Execute(n.Left), n.Right),
        _ => throw new InvalidOperationException($"unknown plan node {plan.GetType().Name}"),
    };

    /// <summary>How many persons the plan describes.</summary>
    public long Count(IndexPlan plan)
    {
        switch (plan)
        {
            case AndPlan all when !all.Parts.Any(p => p is AndNotPlan { Left: AllPlan } n && Scans(n.Right)):
                return CountAll(all.Parts);
            case AndPlan and:
                Intersect(and.Parts, out var count, countOnly: true);
                return count;
            case RangePlan:
                return CountAll([plan]);
            case AndNotPlan subtraction when !Scans(subtraction.Right):
                return CountAll([plan]);
            case AndNotPlan n:
                var left = Execute(n.Left);
                return left.IsEmpty ? 0 : left.Cardinality - RoaringBitmap.AndCardinality(left, Execute(n.Right));
            default:
                return Execute(plan).Cardinality;
        }
    }

    /// <summary>
    /// |p₁ ∩ p₂ ∩ … ∖ s₁ ∖ s₂ …| in one pass over the smallest part's keys (<see cref="ConjunctionCount"/>), building no
    /// intermediate bitmap: a comparison on a bit-sliced index is made key by key within what the other parts leave,
    /// and an OR of values (<c>状态 = 'a' or 状态 = 'b'</c>) is ORed key by key. Used when no subtraction scans: a scan
    /// is looked up only when something is left.
    /// </summary>
    private long CountAll(IReadOnlyList<IndexPlan> parts)
    {
        var include = new List<RoaringBitmap>(parts.Count);
        var includeRanges = new List<RangeTerm>();
        var exclude = new List<RoaringBitmap>();
        var excludeRanges = new List<RangeTerm>();
        var unions = new List<RoaringBitmap[]>();
        foreach (var part in Paired(Subtractions(parts)))
        {
            var subtract = part is AndNotPlan { Left: AllPlan };
            var target = part is AndNotPlan { Left: AllPlan } n ? n.Right : part;
            if (!subtract && target is OrPlan or && or.Parts.All(p => p is EqualsPlan or HasValuePlan))
            {
                unions.Add([.. or.Parts.Select(Execute)]);
                continue;
            }
            var (kept, term) = RangeOf(target);
            if (term is not null)
            {
                (subtract ? excludeRanges : includeRanges).Add(term);
                continue;
            }
            var bitmap = kept ?? Execute(target);
            if (subtract)
                exclude.Add(bitmap);
            else if (bitmap.IsEmpty)
                return 0;
            else if (!include.Contains(bitmap, ReferenceEqualityComparer.Instance)) // x != 'a' and x != 'b': HasValue(x) once
                include.Add(bitmap);
        }
        if (include.Count == 0 && includeRanges.Count == 0)
            include.Add(index.All);
        return ConjunctionCount.Count(include, includeRanges, exclude, excludeRanges, unions);
    }

    /// <summary>
    /// The parts with each <c>l ∖ r</c> taken as two, <c>l</c> and <c>all ∖ r</c> (the same persons within an
    /// intersection), so that <c>等级 != '高'</c> or <c>等级 not in ('高', '中')</c> subtracts the values' bitmaps in the count
    /// instead of building the difference. Not when <c>r</c> scans: a scan is made only when <c>l</c> leaves someone.
    /// </summary>
    private static IEnumerable<IndexPlan> Subtractions(IEnumerable<IndexPlan> parts) => parts.SelectMany(p => p switch
    {
        AndNotPlan { Left: not AllPlan } n when !Scans(n.Right) => Subtractions([n.Left]).Append(new AndNotPlan(PlanBuilder.All, n.Right)),
        AndPlan and => Subtractions(and.Parts),
        _ => [p],
    });

    /// <summary>
    /// A range on a bit-sliced index as a count takes it: the persons the index keeps for it
    /// (<see cref="ITagIndex.KeptRange"/>), or else a comparison to make within the rule; neither for another part.
    /// </summary>
    private (RoaringBitmap? Kept, RangeTerm? Term) RangeOf(IndexPlan part)
    {
        var (tag, tests) = part switch
        {
            RangePlan r => (r.Tag, new[] { new RangeTest(r.Operator, r.Value) }),
            RangePairPlan p => (p.Tag, new[] { p.First, p.Second }),
            _ => (null, []),
        };
        if (tag is null || index.RangeIndex(tag) is not { } bsi)
            return (null, null);
        return index.KeptRange(tag, tests[0], tests.Length > 1 ? tests[1] : null) is { } kept ? (kept, null) : (null, new RangeTerm(bsi, tests));
    }

    /// <summary>Whether the plan has a part the engine computes (SQL).</summary>
    private static bool Scans(IndexPlan plan) => plan switch
    {
        ScanPlan => true,
        AndPlan a => a.Parts.Any(Scans),
        OrPlan o => o.Parts.Any(Scans),
        AndNotPlan n => Scans(n.Left) || Scans(n.Right),
        _ => false,
    };

    private RoaringBitmap AndNot(RoaringBitmap left, IndexPlan right) => left.IsEmpty ? left : RoaringBitmap.AndNot(left, Execute(right));

    private RoaringBitmap Intersect(IReadOnlyList<IndexPlan> parts, out long count, bool countOnly)
    {
        // Subtractions (a ∖ b) apply after the positive parts: b is only looked up when something is left.
        var positive = new List<(RoaringBitmap Bitmap, long Cardinality)>(parts.Count);
        var subtract = new List<IndexPlan>();
        foreach (var part in Paired(parts))
        {
            if (part is AndNotPlan { Left: AllPlan } n)
            {
                subtract.Add(n.Right);
                continue;
            }
            var bitmap = Execute(part);
            if (bitmap.IsEmpty)
            {
                count = 0;
                return bitmap;
            }
            positive.Add((bitmap, bitmap.Cardinality));
        }
        if (positive.Count == 0)
            positive.Add((index.All, index.All.Cardinality));
        positive.Sort((a, b) => a.Cardinality.CompareTo(b.Cardinality));
        var last = countOnly && subtract.Count == 0 && positive.Count > 1 ? positive.Count - 1 : positive.Count;
        var result = positive[0].Bitmap;
        for (var i = 1; i < last && !result.IsEmpty; i++)
            result = RoaringBitmap.And(result, positive[i].Bitmap);
        foreach (var right in subtract)
            result = AndNot(result, right);
        count = last < positive.Count ? RoaringBitmap.AndCardinality(result, positive[last].Bitmap) : result.Cardinality;
        return result;
    }

    /// <summary>
    /// The parts of an intersection with two comparisons of the same range-indexed tag (the two ends of
    /// <c>age between 20 and 30</c>) taken as one lookup, which reads the tag's slices once instead of twice.
    /// </summary>
    private static IEnumerable<IndexPlan> Paired(IEnumerable<IndexPlan> sequence)
    {
        var parts = sequence as IReadOnlyList<IndexPlan> ?? [.. sequence];
        var ranges = parts.OfType<RangePlan>().GroupBy(r => r.Tag, StringComparer.Ordinal).Where(g => g.Count() >= 2)
            .ToDictionary(g => g.Key, g => g.Take(2).ToList(), StringComparer.Ordinal);
        if (ranges.Count == 0)
            return parts;
        var paired = new List<IndexPlan>(parts.Count);
        foreach (var part in parts)
        {
            if (part is not RangePlan r || !ranges.TryGetValue(r.Tag, out var pair) || !pair.Contains(r))
            {
                paired.Add(part);
                continue;
            }
            if (ReferenceEquals(r, pair[0]))
                paired.Add(new RangePairPlan(r.Tag, new RangeTest(r.Operator, r.Value), new RangeTest(pair[1].Operator, pair[1].Value)));
        }
        return paired;
    }

    /// <summary>Two comparisons of one tag, looked up together (<see cref="Paired"/>); the executor's own, never built by the plan builder.</summary>
    private sealed record RangePairPlan(string Tag, RangeTest First, RangeTest Second) : IndexPlan;
}
