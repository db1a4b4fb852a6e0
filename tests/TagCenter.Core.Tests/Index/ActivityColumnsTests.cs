using Shouldly;
using TagCenter.Core.Bitmaps;
using TagCenter.Core.Expressions;
using TagCenter.Core.Expressions.Binding;
using TagCenter.Core.Index;
using TagCenter.Core.Tags;

namespace TagCenter.Core.Tests.Index;

/// <summary>
/// The day threshold of each window (as the SQL subtracts it: months and years clamp to the month's end, the time of
/// day stays) and the plans <c>did(…)</c> becomes: on the activity column when it is anchored at the count's as-of
/// and the window is whole days, a scan otherwise.
/// </summary>
public sealed class ActivityColumnsTests
{
    private static readonly DateTime AsOf = new(2026, 3, 31, 10, 0, 0);

    private static readonly ModelSchema Schema = new(
        new Dictionary<string, TagValueType>(),
        new Dictionary<string, IReadOnlyDictionary<string, TagValueType>>
        {
            ["orders"] = new Dictionary<string, TagValueType> { ["event_time"] = TagValueType.Timestamp, ["amount"] = TagValueType.Decimal },
        });

    // Ordinals 0–3; 0 ordered 2 days back, 1 40 days back, 2 400 days back, 3 never.
    private static readonly InMemoryTagIndex Index = new InMemoryTagIndex(RoaringBitmap.FromSorted([0, 1, 2, 3]))
        .AddActivity(AsOf, "orders", null, BitSlicedIndex.Build([0, 1, 2], [2, 40, 400]));

    [Theory]
    [InlineData(30, WindowUnit.Day, 30L)]
    [InlineData(2, WindowUnit.Week, 14L)]
    [InlineData(1, WindowUnit.Month, 31L)] // 03-31 − 1 month = 02-28 (clamped)
    [InlineData(2, WindowUnit.Month, 59L)] // 01-31
    [InlineData(1, WindowUnit.Year, 365L)]
    [InlineData(100, WindowUnit.Year, 36525L)]
    [InlineData(48, WindowUnit.Hour, 2L)]
    [InlineData(12, WindowUnit.Hour, null)]
    [InlineData(36500, WindowUnit.Day, 36500L)]
    public void Threshold_WholeDaysBack_OrNull(int amount, WindowUnit unit, long? expected) =>
        ActivityColumns.Threshold(AsOf, new Window(amount, unit)).ShouldBe(expected);

    [Theory]
    [InlineData("did('orders', within: 30d)", "@orders < 30 (encoded)", new[] { 0 })]
    [InlineData("not did('orders', within: 30d)", "ANDNOT\n  ALL\n  @orders < 30 (encoded)", new[] { 1, 2, 3 })]
    [InlineData("did('orders')", "@orders IS NOT NULL", new[] { 0, 1, 2 })]
    [InlineData("not did('orders', within: 1y) or did('orders', within: 2d)", "OR\n  ANDNOT\n    ALL\n    @orders < 365 (encoded)\n  @orders < 2 (encoded)", new[] { 2, 3 })]
    public void Build_DidAtTheAnchor_OnTheActivityColumn(string rule, string plan, int[] expected)
    {
        var built = PlanBuilder.Build(Bind(rule), Index, AsOf);

        PlanBuilder.Describe(built).ShouldBe(plan);
        new IndexPlanExecutor(Index, _ => throw new InvalidOperationException("no scan")).Execute(built).Select(o => (int)o).ShouldBe(expected);
    }

    [Theory]
    [InlineData("did('orders', within: 12h)")]
    [InlineData("did('orders', within: 30d, where: amount > 10)")]
    [InlineData("count('orders', within: 30d) > 0")]
    public void Build_WhatTheColumnCannotAnswer_Scans(string rule) =>
        PlanBuilder.Build(Bind(rule), Index, AsOf).ShouldBeOfType<ScanPlan>();

    [Fact]
    public void Build_AtAnotherAsOf_Scans() =>
        PlanBuilder.Build(Bind("did('orders', within: 30d)"), Index, AsOf.AddDays(1)).ShouldBeOfType<ScanPlan>();

    private static BoundNode Bind(string rule)
    {
        var bound = Binder.Bind(rule, Schema, new Dictionary<string, TagDefinition>());
        bound.Diagnostics.ShouldBeEmpty();
        return bound.Root;
    }
}
