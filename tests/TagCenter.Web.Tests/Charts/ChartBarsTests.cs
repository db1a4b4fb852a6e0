using TagCenter.Client;
using TagCenter.Web.Charts;

namespace TagCenter.Web.Tests.Charts;

/// <summary>The data behind the console's charts, from small hand-made API answers.</summary>
public sealed class ChartBarsTests
{
    [Fact]
    public void Distribution_LargestFirst_MissingValueNamed()
    {
        var bars = ChartBars.Distribution([new("上海", 30), new(null, 50), new("北京", 30), new("广州", 5)], "(none)", top: 3);

        // Ties in code point order: 上 (U+4E0A) before 北 (U+5317).
        bars.Labels.ShouldBe(["(none)", "上海", "北京"]);
        bars.Values.ShouldBe([50d, 30d, 30d]);
    }

    [Fact]
    public void Funnel_OneBarPerStepInOrder()
    {
        var group = new FunnelGroup(null, "all", [new(1, "product_view", 3242, 1, 1, null), new(2, "add_to_cart", 292, 0.09, 0.09, 10), new(3, "order_paid", 29, 0.1, 0.009, 5)]);

        var bars = ChartBars.Funnel(group);

        bars.Labels.ShouldBe(["1. product_view", "2. add_to_cart", "3. order_paid"]);
        bars.Values.ShouldBe([3242d, 292d, 29d]);
    }

    [Fact]
    public void Coverage_OldestFirst_InPercent()
    {
        // 412 of 1,000 persons hold a value on 11-08 (41.2%); 1 of 3 on 11-01 (33.3%).
        var bars = ChartBars.Coverage(
        [
            new TagCoverage("r2", new DateTime(2026, 11, 8), 412, 1000, 0.412),
            new TagCoverage("r1", new DateTime(2026, 11, 1), 1, 3, 1 / 3d),
        ]);

        bars.Labels.ShouldBe(["11-01", "11-08"]);
        bars.Values.ShouldBe([33.3, 41.2]);
    }

    [Fact]
    public void Trend_OldestFirst()
    {
        var runs = new[]
        {
            new SegmentRunView(2, new DateTime(2026, 11, 8), new DateTime(2026, 11, 8), null, 120, 30, 10, 0.1),
            new SegmentRunView(1, new DateTime(2026, 11, 1), new DateTime(2026, 11, 1), null, 100, 100, 0, 0.1),
        };

        var bars = ChartBars.Trend(runs);

        bars.Labels.ShouldBe(["11-01", "11-08"]);
        bars.Values.ShouldBe([100d, 120d]);
    }

    [Fact]
    public void Tgi_HighestFirst_RowsWithoutTgiLeftOut()
    {
        var rows = new[]
        {
            new PortraitRow("城市", "city", "上海", 10, 0.1, 100, 0.05, 200),
            new PortraitRow("性别", "gender", "male", 50, 0.5, 500, 0.5, 100),
            new PortraitRow("阶段", "stage", "沉默", 100, 1, 502, 0.104, 960.159),
            new PortraitRow("等级", "level", "无", 0, 0, 0, 0, null),
        };

        var bars = ChartBars.Tgi(rows, top: 2);

        bars.Labels.ShouldBe(["阶段=沉默", "城市=上海"]);
        bars.Values.ShouldBe([960.2, 200d]);
    }

    [Fact]
    public void LineageLayers_PutEachNodeOneColumnAfterWhatFeedsIt()
    {
        var graph = new TagLineageGraph(
            [new("tag:t", "tag", "t"), new("source:crm", "source", "crm"), new("table:orders", "table", "orders"), new("column:orders.amount", "column", "orders.amount"),
             new("tag:up", "tag", "up"), new("segment:s", "segment", "s")],
            [new("source:crm", "table:orders"), new("table:orders", "column:orders.amount"), new("column:orders.amount", "tag:t"), new("tag:up", "tag:t"), new("tag:t", "segment:s")]);

        var layers = LineageLayers.Of(graph);

        layers.Select(l => string.Join(",", l.Nodes.Select(n => n.Name))).ShouldBe(["crm,up", "orders", "orders.amount", "t", "s"]);
    }
}
