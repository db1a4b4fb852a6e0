using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using TagCenter.Client;
using TagCenter.Core.Text;
using TagCenter.Web.Charts;
using TagCenter.Web.Components.Shared;
using TagCenter.Web.Text;

namespace TagCenter.Web.Tests.Components;

/// <summary>The tag page's lineage drawn as an SVG graph: one box per node, one arrow per edge, links to tags and segments, a list for screen readers.</summary>
public sealed class LineageViewTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    // crm → orders → orders.amount → 城市 ← up, and 城市 → 高价值沉默: 6 nodes, 5 edges.
    private static readonly TagLineageGraph Graph = new(
        [new("tag:城市", "tag", "城市"), new("source:crm", "source", "crm"), new("table:orders", "table", "orders"),
         new("column:orders.amount", "column", "orders.amount"), new("tag:up", "tag", "up"), new("segment:高价值沉默", "segment", "高价值沉默")],
        [new("source:crm", "table:orders"), new("table:orders", "column:orders.amount"), new("column:orders.amount", "tag:城市"), new("tag:up", "tag:城市"), new("tag:城市", "segment:高价值沉默")]);

    public LineageViewTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddScoped<ConsoleLanguage>();
    }

    private IRenderedComponent<LineageView> Render(TagLineageGraph graph) =>
        _context.Render<LineageView>(p => p.Add(x => x.Graph, graph).Add(x => x.Focus, "城市"));

    [Fact]
    public void Graph_OneBoxPerNode_OneArrowPerEdge()
    {
        var cut = Render(Graph);

        var svg = cut.Find("svg.tc-lineage-graph");
        svg.GetAttribute("role").ShouldBe("img");
        svg.GetAttribute("aria-label").ShouldBe("血缘：6 个节点，5 条连线");
        svg.QuerySelectorAll("g.tc-lineage-node").Length.ShouldBe(6);
        svg.QuerySelectorAll("g.tc-lineage-node rect").Length.ShouldBe(6);
        svg.QuerySelectorAll("path.tc-lineage-edge").Length.ShouldBe(5);
        var arrow = svg.QuerySelector("marker")!.Id!;
        svg.QuerySelectorAll("path.tc-lineage-edge").ShouldAllBe(p => p.GetAttribute("marker-end") == "url(#" + arrow + ")");
    }

    [Fact]
    public void Graph_DrawnWhereTheLayoutPutsIt()
    {
        var layout = LineageLayout.Of(Graph);

        var cut = Render(Graph);

        // Five columns: 8 + 48 (crm) + 64 + 62 (orders) + 64 + 111 (orders.amount, 13 letters) + 64 + 48 (城市) + 64 + 90 (高价值沉默, 10 columns) + 8.
        layout.Width.ShouldBe(631);
        cut.Find("svg").GetAttribute("viewBox").ShouldBe("0 0 631 84");
        cut.Find("path[data-from='tag:城市']").GetAttribute("d").ShouldBe(layout.Edges.Single(l => l.Edge.From == "tag:城市").Path);
        var amount = cut.Find("g[data-id='column:orders.amount'] rect");
        (amount.GetAttribute("x"), amount.GetAttribute("width")).ShouldBe(("246", "111"));
    }

    [Fact]
    public void Nodes_TagsAndSegmentsLinkToTheirPages_TheFocusTagHighlighted()
    {
        var cut = Render(Graph);

        cut.Find("g[data-id='tag:up'] a").GetAttribute("href").ShouldBe("/tags/view?name=up");
        cut.Find("g[data-id='segment:高价值沉默'] a").GetAttribute("href").ShouldBe("/segments/view?name=%E9%AB%98%E4%BB%B7%E5%80%BC%E6%B2%89%E9%BB%98");
        cut.Find("g[data-id='source:crm'] a").HasAttribute("href").ShouldBeFalse();
        var focus = cut.Find("g[data-id='tag:城市']");
        focus.ClassList.ShouldContain("tc-lineage-focus");
        focus.QuerySelector("a")!.HasAttribute("href").ShouldBeFalse();
        cut.FindAll("g.tc-lineage-focus").Count.ShouldBe(1);
        cut.Find("g[data-id='source:crm']").ClassList.ShouldContain("tc-lineage-source");
    }

    [Fact]
    public void Nodes_TitleSaysTheKindAndWhatFeedsIt()
    {
        var cut = Render(Graph);

        cut.Find("g[data-id='tag:城市'] title").TextContent.ShouldBe("当前标签 城市 ← orders.amount, up");
        cut.Find("g[data-id='table:orders'] title").TextContent.ShouldBe("事实表 orders ← crm");
        cut.Find("g[data-id='source:crm'] title").TextContent.ShouldBe("数据源 crm");
    }

    [Fact]
    public void English_TitlesLegendAndLabelInEnglish()
    {
        _context.Services.GetRequiredService<ConsoleLanguage>().Current = Language.En;

        var cut = Render(Graph);

        cut.Find("svg").GetAttribute("aria-label").ShouldBe("Lineage: 6 nodes, 5 edges");
        cut.Find("g[data-id='column:orders.amount'] title").TextContent.ShouldBe("column orders.amount ← orders");
        cut.FindAll(".tc-lineage-legend .tc-lineage-key").Select(k => k.TextContent.Trim()).ShouldBe(["source", "table", "column", "tag", "segment", "this tag"]);
    }

    [Fact]
    public void ScreenReaders_ReadEveryNodeAndEdgeAsAList()
    {
        var cut = Render(Graph);

        var items = cut.FindAll("ul.tc-sr-only li");
        items.Count.ShouldBe(6 + 5);
        items.Select(i => i.TextContent.Trim()).ShouldContain("crm → orders");
        cut.Find("ul.tc-sr-only li[data-id='tag:up'] a").GetAttribute("href").ShouldBe("/tags/view?name=up");
    }

    [Fact]
    public void EmptyLineage_ShowsTheEmptyState()
    {
        var cut = Render(new TagLineageGraph([], []));

        cut.FindAll("svg.tc-lineage-graph").ShouldBeEmpty();
        cut.Find(".tc-empty").TextContent.ShouldContain("这个标签还没有血缘。");
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
