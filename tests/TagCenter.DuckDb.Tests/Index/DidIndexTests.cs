using Shouldly;
using TagCenter.Core.Index;
using TagCenter.DuckDb.Index;

namespace TagCenter.DuckDb.Tests.Index;

/// <summary>
/// <c>did(…)</c> answered by the index's activity columns selects the persons SQL selects, on the edges of every
/// window unit (hand counts from <see cref="DidIndexFixture"/>); what they cannot answer exactly is still scanned.
/// </summary>
public sealed class DidIndexTests : IDisposable
{
    private readonly DidIndexFixture _f = new();

    [Theory]
    [InlineData("did('orders', within: 30d)", 2)] // P2 P5: P1 is exactly 30 days back, P3 after the as-of
    [InlineData("did('orders', within: 31d)", 4)] // 02-28 10:00 as 1mo: P7 in, P6 out
    [InlineData("did('orders', within: 32d)", 5)]
    [InlineData("did('orders')", 7)] // every row up to the as-of, P4's without a time too
    [InlineData("did('orders', within: 1mo)", 4)] // P1 P2 P5 P7: 02-28 10:00 exactly (P6) is out
    [InlineData("did('orders', within: 1d)", 1)]
    [InlineData("did('orders', within: 24h)", 1)] // a whole number of days: the index answers
    [InlineData("did('orders', within: 5w)", 5)]
    [InlineData("did('orders', within: 1y)", 5)]
    [InlineData("did('orders', within: 100y)", 6)]
    [InlineData("not did('orders', within: 30d)", 7)]
    [InlineData("not did('orders')", 2)]
    [InlineData("城市 = '上海' and not did('orders', within: 30d)", 5)]
    [InlineData("城市 = '北京' or did('orders', within: 30d)", 4)]
    [InlineData("not (城市 = '上海' or did('orders', within: 1y))", 2)] // P3 P8
    [InlineData("did('page_view', within: 7d)", 1)] // P1: P8 exactly 7 days back, P5 after the as-of
    [InlineData("did('page_view')", 3)]
    [InlineData("did('events', within: 7d)", 3)]
    [InlineData("not did('app_start', within: 2d) and did('events')", 3)] // P1 P2 P8
    public void Count_OnTheActivityColumns_AgreesWithSqlAndTheHandCount(string rule, long expected)
    {
        using var index = _f.Build();

        var (onIndex, inSql, plan) = _f.Count(index, rule);

        (onIndex, inSql).ShouldBe((expected, expected));
        plan.ShouldNotContain("SCAN");
    }

    [Theory]
    [InlineData("did('orders', within: 12h)", 1)]
    [InlineData("did('orders', within: 1y, where: amount > 15)", 4)]
    [InlineData("count('orders', within: 30d) > 0", 2)]
    public void Count_WhatTheColumnsCannotAnswerExactly_IsScannedAndStillAgrees(string rule, long expected)
    {
        using var index = _f.Build();

        var (onIndex, inSql, plan) = _f.Count(index, rule);

        (onIndex, inSql).ShouldBe((expected, expected));
        plan.ShouldContain("SCAN");
    }

    [Fact]
    public void Count_AtAnotherAsOfThanTheIndexAnchor_ScansAndAgrees()
    {
        using var index = _f.Build();

        // From 03-01 11:00 to 03-31 11:00: P5 only.
        var (onIndex, inSql, plan) = _f.Count(index, "did('orders', within: 30d)", DidIndexFixture.AsOf.AddHours(1));

        (onIndex, inSql).ShouldBe((1L, 1L));
        plan.ShouldContain("SCAN");
    }

    [Fact]
    public void Build_WritesTheAnchorAndAColumnPerFactAndEvent()
    {
        using var index = _f.Build();

        index.ActivityAnchor.ShouldBe(DidIndexFixture.AsOf);
        index.Activity.Select(a => a.Code).Order(StringComparer.Ordinal).ShouldBe(["@events", "@events/app_start", "@events/page_view", "@orders"]);
        index.Tags.Select(t => t.Code).ShouldBe(["city"], "activity columns are not tags (portraits walk the tags)");
        // P6's latest order is exactly 31 days back, P1's exactly 30, P7's 30 days and 23:59:59: days 31, 30, 30.
        index.Range(ActivityColumns.Code("orders", null), RangeOperator.Equal, 31).ToArray()
            .ShouldBe(TagCenter.DuckDb.Segments.IndexSegmentCounter.Ordinals(_f.Db, "SELECT 'P6' AS oneid").ToArray());
        index.Range(ActivityColumns.Code("orders", null), RangeOperator.Equal, 30).ToArray()
            .ShouldBe(TagCenter.DuckDb.Segments.IndexSegmentCounter.Ordinals(_f.Db, "SELECT * FROM (VALUES ('P1'), ('P7')) t(oneid)").ToArray());
    }

    public void Dispose() => _f.Dispose();
}
