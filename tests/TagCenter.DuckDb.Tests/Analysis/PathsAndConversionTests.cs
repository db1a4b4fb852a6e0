using Shouldly;
using TagCenter.Core.Analysis;
using TagCenter.Core.Expressions;
using TagCenter.DuckDb.Analysis;
using static TagCenter.DuckDb.Tests.Analysis.HandLog;

namespace TagCenter.DuckDb.Tests.Analysis;

/// <summary>Paths and conversion by dimension over <see cref="HandLog"/>, worked out by hand from its timelines.</summary>
public sealed class PathsAndConversionTests
{
    private static string Show(PathSequence p) => string.Join(">", p.Events) + "=" + p.Count;

    [Fact]
    public void Next_paths_stop_where_the_window_ends()
    {
        using var log = HandLog.Create();
        var paths = PathsQuery.Run(log.Database, new PathsRequest(C, Next: true, Depth: 2, Top: 10, Within: TimeSpan.FromDays(1)));
        // Carts: p01 p02 p03 p04 p07 p08 p09 p10×2 p11 p12 = 11 (nobody's cart is not counted).
        paths.Anchors.ShouldBe(11);
        // order then nothing: p01 (exactly 24h later), p02 (same second, ordered after by name), p03, p08, p09;
        // nothing within 1d: p04, p07, p10's second; view then nothing: p10's first (same second), p11; order then view: p12.
        paths.Paths.Select(Show).ShouldBe([$"{D}=5", "=3", $"{B}=2", $"{D}>{B}=1"]);
        paths.Paths[0].Share.ShouldBe(5 / 11.0);
    }

    [Fact]
    public void Previous_paths_look_back()
    {
        using var log = HandLog.Create();
        var paths = PathsQuery.Run(log.Database, new PathsRequest(D, Next: false, Depth: 1, Top: 3, Within: TimeSpan.FromDays(1)));
        // Orders: p01 p02 p03 p04×2 p08 p09 p10 p11 p12 = 10; before: cart ×6 (p01 p02 p03 p08 p09 p12), nothing ×2 (p04's second, p10),
        // app start (p11), view (p04's first); top 3 cuts the view.
        paths.Anchors.ShouldBe(10);
        paths.Paths.Select(Show).ShouldBe([$"{C}=6", "=2", $"{A}=1"]);
    }

    [Fact]
    public void Conversion_counts_the_goal_in_the_window_before_the_as_of_per_value()
    {
        using var log = HandLog.Create();
        var request = new ConversionRequest(D, new Window(7, WindowUnit.Day), AnalysisLog.At(7), Dimensions.Resolve(log.Database, null, "city", top: 2));
        var result = ConversionQuery.Run(log.Database, request);
        // Orders in (d0, d7]: p01 p03 p04 p08 p09 p11 p12 (p02 d8, p10 d12 are after); 13 persons.
        (result.Total.Persons, result.Total.Converted).ShouldBe((13L, 7L));
        result.Groups.Select(g => (g.Value, g.Persons, g.Converted)).ShouldBe([
            ("上海", 4L, 2L),                      // p01 p02 p07 p11 → p01 p11
            ("北京", 3L, 3L),                      // p03 p04 p12
            (Dimension.OtherMarker, 5L, 1L),      // 广州 p05 p06, 深圳 p08 p13, 杭州 p10 → p08
            (Dimension.NoneMarker, 1L, 1L),       // p09
        ]);
    }

    [Fact]
    public void Conversion_of_a_population()
    {
        using var log = HandLog.Create();
        var request = new ConversionRequest(D, new Window(7, WindowUnit.Day), AnalysisLog.At(7), Dimensions.Resolve(log.Database, null, "tier"))
        {
            Population = Population.FromQuery("SELECT oneid FROM dim_person WHERE city IN ('上海', '深圳')", "sh+sz"),
        };
        var result = ConversionQuery.Run(log.Database, request);
        // p01 gold ✓, p02 silver, p07 silver, p11 gold ✓, p08 gold ✓, p13 silver.
        result.Groups.Select(g => (g.Value, g.Persons, g.Converted)).ShouldBe([("gold", 3L, 3L), ("silver", 3L, 0L)]);
    }
}
