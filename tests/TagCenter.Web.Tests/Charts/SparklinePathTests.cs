using TagCenter.Web.Charts;

namespace TagCenter.Web.Tests.Charts;

/// <summary>Sparkline points worked out by hand: a 100 × 20 box with a 1-pixel inset, the series' own range top to bottom.</summary>
public sealed class SparklinePathTests
{
    [Fact]
    public void Points_ScaleBetweenTheSeriesMinAndMax() =>
        // x: 1, 50, 99 (98 / 2 apart); y: max 300 at 1, min 100 at 19, 200 halfway at 10.
        SparklinePath.Points([100, 300, 200], 100, 20).ShouldBe("1,19 50,1 99,10");

    [Fact]
    public void Points_FlatSeries_ThroughTheMiddle() =>
        SparklinePath.Points([5, 5], 100, 20).ShouldBe("1,10 99,10");

    [Fact]
    public void Points_OnePoint_DrawsNothing() =>
        SparklinePath.Points([7], 100, 20).ShouldBe("");
}
