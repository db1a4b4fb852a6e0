using TagCenter.Client;
using TagCenter.Web.Charts;

namespace TagCenter.Web.Tests.Charts;

/// <summary>The lineage drawing's geometry, hand-computed from the layout's constants (margin 8, column gap 64, box 28 high, rows 12 apart, 10 padding, 7 per column of text, boxes at least 48 wide).</summary>
public sealed class LineageLayoutTests
{
    // Three columns: app → events → 城市 and crm → orders → 城市.
    private static readonly TagLineageGraph ThreeColumns = new(
        [new("tag:城市", "tag", "城市"), new("source:crm", "source", "crm"), new("source:app", "source", "app"),
         new("table:orders", "table", "orders"), new("table:events", "table", "events")],
        [new("source:crm", "table:orders"), new("source:app", "table:events"), new("table:orders", "tag:城市"), new("table:events", "tag:城市")]);

    // Sorted by name the tables cross (crm → a_orders, app → b_events); swapping them and their columns crosses nothing.
    private static readonly TagLineageGraph Crossed = new(
        [new("source:app", "source", "app"), new("source:crm", "source", "crm"), new("table:a_orders", "table", "a_orders"), new("table:b_events", "table", "b_events"),
         new("column:a_orders.x", "column", "a_orders.x"), new("column:b_events.y", "column", "b_events.y")],
        [new("source:crm", "table:a_orders"), new("source:app", "table:b_events"), new("table:a_orders", "column:a_orders.x"), new("table:b_events", "column:b_events.y")]);

    private static LineageBox Box(LineageLayout layout, string id) => layout.Nodes.Single(b => b.Node.Id == id);

    [Fact]
    public void Of_ThreeColumns_ColumnsAfterTheWidestBoxOfTheColumnBefore()
    {
        var layout = LineageLayout.Of(ThreeColumns);

        // Column 0: "app"/"crm" → 48 (the minimum); column 1: "orders" → 10 + 6 × 7 + 10 = 62; column 2: "城市" → 48.
        Box(layout, "source:app").X.ShouldBe(8);
        Box(layout, "source:crm").X.ShouldBe(8);
        Box(layout, "table:orders").X.ShouldBe(8 + 48 + 64);
        Box(layout, "table:orders").Width.ShouldBe(62);
        Box(layout, "tag:城市").X.ShouldBe(120 + 62 + 64);
        layout.Width.ShouldBe(246 + 48 + 8);
        // Two rows: 8 + 28 + 12 + 28 + 8; the single box of column 2 is centred on them.
        layout.Height.ShouldBe(84);
        Box(layout, "source:app").Y.ShouldBe(8);
        Box(layout, "source:crm").Y.ShouldBe(48);
        Box(layout, "tag:城市").Y.ShouldBe(28);
    }

    [Fact]
    public void Of_ThreeColumns_EachEdgeFromTheSourcesRightSideToTheTargetsLeftSide()
    {
        var layout = LineageLayout.Of(ThreeColumns);

        layout.Edges.Count.ShouldBe(ThreeColumns.Edges.Count);
        foreach (var link in layout.Edges)
        {
            var (from, to) = (Box(layout, link.Edge.From), Box(layout, link.Edge.To));
            (link.X1, link.Y1).ShouldBe((from.X + from.Width, from.Y + 14));
            (link.X2, link.Y2).ShouldBe((to.X, to.Y + 14));
        }
        // events (row 0 of column 1, right side 120 + 62) → 城市 (left side 246, middle 28 + 14); control points 32 inwards.
        layout.Edges.Single(l => l.Edge.From == "table:events").Path.ShouldBe("M182,22 C214,22 214,42 246,42");
        layout.Edges.Single(l => l.Edge.From == "source:crm").Path.ShouldBe("M56,62 C88,62 88,62 120,62");
    }

    [Fact]
    public void Order_CrossedByName_SweepsToAnOrderWithoutCrossings()
    {
        var layers = LineageLayers.Of(Crossed);
        LineageOrder.Crossings([.. layers.Select(l => l.Nodes)], Crossed.Edges).ShouldBe(1);

        var columns = LineageOrder.Of(layers, Crossed.Edges);

        columns.Select(c => string.Join(",", c.Select(n => n.Name))).ShouldBe(["app,crm", "b_events,a_orders", "b_events.y,a_orders.x"]);
        LineageOrder.Crossings(columns, Crossed.Edges).ShouldBe(0);
        var layout = LineageLayout.Of(Crossed);
        Box(layout, "table:b_events").Y.ShouldBeLessThan(Box(layout, "table:a_orders").Y);
    }

    // B reaches T1 and T2 through M; A reaches T2 straight, skipping column 1. By name (T1 above T2) A's edge crosses.
    private static readonly TagLineageGraph Skipping = new(
        [new("source:A", "source", "A"), new("source:B", "source", "B"), new("table:M", "table", "M"),
         new("tag:T1", "tag", "T1"), new("tag:T2", "tag", "T2")],
        [new("source:B", "table:M"), new("table:M", "tag:T1"), new("table:M", "tag:T2"), new("source:A", "tag:T2")]);

    [Fact]
    public void Order_EdgeSkippingAColumn_CountsThroughAVirtualNode_AndIsUncrossed()
    {
        var layers = LineageLayers.Of(Skipping);
        layers.Select(l => string.Join(",", l.Nodes.Select(n => n.Name))).ShouldBe(["A,B", "M", "T1,T2"]);
        // By name: A (row 0) → virtual (row 1, after M) → T2 and B (row 1) → M (row 0): crossed once between columns
        // 0 and 1. Counting only edges between neighbouring columns saw none.
        LineageOrder.Crossings([.. layers.Select(l => l.Nodes)], Skipping.Edges).ShouldBe(0);
        var (columns, edges) = LineageOrder.Expanded([.. layers.Select(l => l.Nodes)], Skipping.Edges);
        columns.Select(c => c.Count).ShouldBe([2, 2, 2]);
        edges.Count.ShouldBe(5);
        LineageOrder.Crossings([.. columns.Select(c => (IReadOnlyList<LineageNode>)c)], edges).ShouldBe(1);

        var ordered = LineageOrder.Of(layers, Skipping.Edges);

        ordered.Select(c => string.Join(",", c.Select(n => n.Name))).ShouldBe(["A,B", "M", "T2,T1"]);
        // The virtual node went above M (A's edge runs over it) and T2 above T1: A's edge to T2 stays at the top.
        var layout = LineageLayout.Of(Skipping);
        Box(layout, "tag:T2").Y.ShouldBeLessThan(Box(layout, "tag:T1").Y);
    }

    [Fact]
    public void Order_NoCrossings_KeepsTheOrderByName()
    {
        var columns = LineageOrder.Of(LineageLayers.Of(ThreeColumns), ThreeColumns.Edges);

        columns.Select(c => string.Join(",", c.Select(n => n.Name))).ShouldBe(["app,crm", "events,orders", "城市"]);
    }

    [Fact]
    public void BoxWidth_ChineseCharactersCountTwice()
    {
        // Six CJK characters are as wide as twelve Latin letters: 10 + 12 × 7 + 10.
        LineageLayout.BoxWidth("生命周期阶段").ShouldBe(104);
        LineageLayout.BoxWidth("lifecycle_st").ShouldBe(104);
        LineageLayout.BoxWidth("城").ShouldBe(48);
    }

    [Fact]
    public void Label_LongerThan32Columns_CutWithAnEllipsis()
    {
        LineageLayout.Label(new string('a', 32)).ShouldBe(new string('a', 32));
        LineageLayout.Label(new string('a', 40)).ShouldBe(new string('a', 31) + "…");
        // 20 CJK characters take 40 columns; 15 (30 columns) and the ellipsis fit in 32.
        LineageLayout.Label(new string('城', 20)).ShouldBe(new string('城', 15) + "…");
    }

    [Fact]
    public void Of_EmptyGraph_OnlyTheMargins()
    {
        var layout = LineageLayout.Of(new TagLineageGraph([], []));

        layout.Nodes.ShouldBeEmpty();
        layout.Edges.ShouldBeEmpty();
        (layout.Width, layout.Height).ShouldBe((16d, 16d));
    }
}
