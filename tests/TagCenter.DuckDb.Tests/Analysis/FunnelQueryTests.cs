using Shouldly;
using TagCenter.Core.Analysis;
using TagCenter.DuckDb.Analysis;
using static TagCenter.DuckDb.Tests.Analysis.HandLog;

namespace TagCenter.DuckDb.Tests.Analysis;

/// <summary>Funnels over <see cref="HandLog"/>, every figure worked out by hand (see the comments there).</summary>
public sealed class FunnelQueryTests
{
    private static readonly string[] Steps = [A, B, C, D];

    private static FunnelRequest Request() => new(Steps, TimeSpan.FromDays(7));

    [Fact]
    public void Counts_conversions_and_medians_match_the_hand_count()
    {
        using var log = HandLog.Create();
        var funnel = FunnelQuery.Run(log.Database, Request()).Total.Steps;
        // Entered: everyone with an app start but p08 (11); view: p01 p02 p04 p07 p09 p10 p11 p12; cart: p01 p04 p07 p09 p10 p12; order: p01 p04 p09 p12.
        funnel.Select(s => s.Persons).ShouldBe([11L, 8, 6, 4]);
        funnel.Select(s => s.FromPrevious).ShouldBe([1.0, 8 / 11.0, 6 / 8.0, 4 / 6.0]);
        funnel.Select(s => s.FromFirst).ShouldBe([1.0, 8 / 11.0, 6 / 11.0, 4 / 11.0]);
        // View − start: 0.5 1 1 1 | 2 3 6 24 h → 1.5h; cart − view: 0.5 1 3 | 22 42 48 h → 12.5h; order − cart: 0.5 0.5 | 24 120 h → 12.25h.
        funnel.Select(s => s.MedianFromPrevious).ShouldBe([null, TimeSpan.FromHours(1.5), TimeSpan.FromHours(12.5), TimeSpan.FromHours(12.25)]);
    }

    [Fact]
    public void Splits_by_a_person_field_with_top_values_other_and_none()
    {
        using var log = HandLog.Create();
        var funnel = FunnelQuery.Run(log.Database, Request() with { By = Dimensions.Resolve(log.Database, null, "city", top: 2) });
        funnel.Total.Steps.Select(s => s.Persons).ShouldBe([11L, 8, 6, 4]);
        var groups = funnel.Groups.ToDictionary(g => g.Value ?? "", g => g.Steps.Select(s => s.Persons).ToArray());
        groups.Keys.ShouldBe(["上海", "北京", Dimension.OtherMarker, Dimension.NoneMarker]); // largest first, then other, then none
        groups["上海"].ShouldBe([4L, 4, 2, 1]);       // p01 p02 p07 p11
        groups["北京"].ShouldBe([3L, 2, 2, 2]);       // p03 p04 p12
        groups[Dimension.OtherMarker].ShouldBe([3L, 1, 1, 0]); // 广州 p05 p06, 杭州 p10
        groups[Dimension.NoneMarker].ShouldBe([1L, 1, 1, 1]);  // p09
    }

    [Fact]
    public void Splits_by_a_tag_column()
    {
        using var log = HandLog.Create();
        var funnel = FunnelQuery.Run(log.Database, Request() with { By = Dimensions.Resolve(log.Database, null, "tier") });
        var groups = funnel.Groups.ToDictionary(g => g.Value ?? "", g => g.Steps.Select(s => s.Persons).ToArray());
        groups["gold"].ShouldBe([5L, 3, 2, 2]);       // p01 p03 p05 p09 p11
        groups["silver"].ShouldBe([4L, 4, 3, 1]);     // p02 p07 p10 p12
        groups[Dimension.NoneMarker].ShouldBe([2L, 1, 1, 1]); // p04 p06
        funnel.Groups.Single(g => g.Value == "silver").Steps[1].MedianFromPrevious.ShouldBe(TimeSpan.FromHours(1.5)); // 24 2 1 1 h
    }

    [Fact]
    public void Entries_are_the_first_step_one_event_in_the_date_range()
    {
        using var log = HandLog.Create();
        var funnel = FunnelQuery.Run(log.Database, Request() with { From = AnalysisLog.At(2), To = AnalysisLog.At(6) });
        // p04 enters at its second start (d2), after its views: 1 step; p05 p07 p09 p10 p11 enter; p12 (d6) is past the end.
        funnel.Total.Steps.Select(s => s.Persons).ShouldBe([6L, 4, 3, 1]);
    }

    [Fact]
    public void Restricts_to_a_population_query_and_to_a_rule()
    {
        using var log = HandLog.Create();
        var query = FunnelQuery.Run(log.Database, Request() with { Population = Population.FromQuery("SELECT oneid FROM dim_person WHERE city = '上海'", "上海") });
        query.Total.Steps.Select(s => s.Persons).ShouldBe([4L, 4, 2, 1]);
        var rule = RulePopulation.Create(log.Database, Core.Tags.TagCatalog.From([]), "city = '北京'", AnalysisLog.At(30));
        FunnelQuery.Run(log.Database, Request() with { Population = rule }).Total.Steps.Select(s => s.Persons).ShouldBe([3L, 2, 2, 2]);
    }

    [Fact]
    public void The_same_event_twice_needs_two_events()
    {
        using var log = HandLog.Create();
        // Two views after the start within 7d: p04 (06:00, 07:00), p07 (00:00 is not after the start; only 02:00), p12 (01:00, 05:00).
        var funnel = FunnelQuery.Run(log.Database, new FunnelRequest([A, B, B], TimeSpan.FromDays(7)));
        funnel.Total.Steps.Select(s => s.Persons).ShouldBe([11L, 8, 2]);
        funnel.Total.Steps[2].MedianFromPrevious.ShouldBe(TimeSpan.FromHours(2.5)); // 1h and 4h
    }

    [Fact]
    public void A_window_end_is_inclusive()
    {
        using var log = HandLog.Create();
        // p04's order at exactly entry + 7d counts; one second shorter and it does not.
        FunnelQuery.Run(log.Database, Request()).Total.Steps[3].Persons.ShouldBe(4);
        FunnelQuery.Run(log.Database, new FunnelRequest(Steps, TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1))).Total.Steps[3].Persons.ShouldBe(3);
    }

    [Fact]
    public void Bad_input_is_refused_with_the_known_events()
    {
        using var log = HandLog.Create();
        Should.Throw<AnalysisInputException>(() => FunnelQuery.Run(log.Database, new FunnelRequest([A], TimeSpan.FromDays(7))));
        var unknown = Should.Throw<Core.Diagnostics.NotFoundException>(() => FunnelQuery.Run(log.Database, new FunnelRequest([A, "add_to_crat"], TimeSpan.FromDays(7))));
        unknown.Message.ShouldContain("add_to_cart");
        unknown.Message.ShouldContain("order_paid");
        Should.Throw<Core.Diagnostics.NotFoundException>(() => Dimensions.Resolve(log.Database, null, "ctiy")).Message.ShouldContain("city");
    }
}
