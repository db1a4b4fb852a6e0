using TagCenter.Client;
using TagCenter.Core.Expressions;

namespace TagCenter.Web.Charts;

/// <summary>
/// Lineage drawn as a graph, left to right: one column per <see cref="LineageLayers"/> layer, rows ordered by
/// <see cref="LineageOrder"/>, each column as wide as its widest box and centred on the tallest column. A box is as
/// wide as its label (CJK characters count twice); edges run from a box's right side to the next box's left side.
/// </summary>
public sealed record LineageLayout(double Width, double Height, IReadOnlyList<LineageBox> Nodes, IReadOnlyList<LineageLink> Edges)
{
    public const double Margin = 8;
    public const double ColumnGap = 64;
    public const double RowGap = 12;
    public const double BoxHeight = 28;
    public const double Padding = 10;
    public const double CharWidth = 7;
    public const double MinBoxWidth = 48;

    /// <summary>Labels wider than this many columns (a CJK character takes two) are cut short with an ellipsis.</summary>
    public const int MaxLabelWidth = 32;

    public static LineageLayout Of(TagLineageGraph graph)
    {
        var columns = LineageOrder.Of(LineageLayers.Of(graph), graph.Edges);
        var tallest = columns.Count == 0 ? 0 : columns.Max(c => c.Count);
        var height = 2 * Margin + StackHeight(tallest);
        var boxes = new List<LineageBox>();
        var x = Margin;
        for (var c = 0; c < columns.Count; c++)
        {
            var labels = columns[c].Select(n => Label(n.Name)).ToList();
            var widths = labels.Select(BoxWidth).ToList();
            var top = (height - StackHeight(columns[c].Count)) / 2;
            for (var r = 0; r < columns[c].Count; r++)
                boxes.Add(new LineageBox(columns[c][r], c, r, labels[r], x, top + r * (BoxHeight + RowGap), widths[r], BoxHeight));
            x += widths.Max() + ColumnGap;
        }
        var width = columns.Count == 0 ? 2 * Margin : x - ColumnGap + Margin;
        var byId = boxes.ToDictionary(b => b.Node.Id, StringComparer.Ordinal);
        var links = graph.Edges.Where(e => byId.ContainsKey(e.From) && byId.ContainsKey(e.To))
            .Select(e => new LineageLink(e, byId[e.From].Right, byId[e.From].MidY, byId[e.To].X, byId[e.To].MidY))
            .ToList();
        return new LineageLayout(width, height, boxes, links);
    }

    public static double BoxWidth(string label) => Math.Max(MinBoxWidth, 2 * Padding + CharWidth * DisplayWidth.Of(label));

    /// <summary>The name as shown in its box: whole, or cut to <see cref="MaxLabelWidth"/> columns ending in "…".</summary>
    public static string Label(string name)
    {
        if (DisplayWidth.Of(name) <= MaxLabelWidth)
            return name;
        var kept = new System.Text.StringBuilder();
        var width = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            var w = DisplayWidth.Of(rune.ToString());
            if (width + w > MaxLabelWidth - 1)
                break;
            kept.Append(rune.ToString());
            width += w;
        }
        return kept.Append('…').ToString();
    }

    private static double StackHeight(int rows) => rows == 0 ? 0 : rows * BoxHeight + (rows - 1) * RowGap;
}
