using TagCenter.Client;

namespace TagCenter.Web.Charts;

/// <summary>
/// Orders the nodes within each lineage column so that fewer edges cross: from <see cref="LineageLayers"/>' order
/// (kind, then name), barycenter sweeps left to right then right to left (each node moves to the mean position of its
/// neighbours in the columns already placed), twice; the order with the fewest crossings wins, the first on a tie.
/// An edge that skips columns (a source read straight by a tag) passes each column between as a virtual node, the
/// usual way of layered drawing, so its crossings count and it takes part in the ordering like any other.
/// </summary>
public static class LineageOrder
{
    private const int Sweeps = 4;
    private const string Virtual = "\u0000virtual";

    public static IReadOnlyList<IReadOnlyList<LineageNode>> Of(IReadOnlyList<LineageLayers.Layer> layers, IReadOnlyList<LineageEdge> edges)
    {
        var (columns, known) = Expanded([.. layers.Select(l => l.Nodes)], edges);
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < columns.Count; c++)
            foreach (var node in columns[c])
                column[node.Id] = c;
        var incoming = known.ToLookup(e => e.To, e => e.From, StringComparer.Ordinal);
        var outgoing = known.ToLookup(e => e.From, e => e.To, StringComparer.Ordinal);

        IReadOnlyList<IReadOnlyList<LineageNode>> best = [.. columns.Select(c => (IReadOnlyList<LineageNode>)[.. c])];
        var fewest = Crossings(best, known);
        for (var sweep = 0; sweep < Sweeps && fewest > 0; sweep++)
        {
            var down = sweep % 2 == 0;
            var position = Positions(columns);
            var order = down ? Enumerable.Range(1, columns.Count - 1) : Enumerable.Range(0, columns.Count - 1).Reverse();
            foreach (var c in order)
            {
                // Neighbours already placed in this sweep: those in earlier columns going down, later columns going up.
                columns[c] = [.. columns[c].OrderBy(node =>
                {
                    var neighbours = (down ? incoming[node.Id] : outgoing[node.Id]).Where(n => down ? column[n] < c : column[n] > c).ToList();
                    return neighbours.Count == 0 ? position[node.Id] : neighbours.Average(n => position[n]);
                })];
                foreach (var (node, row) in columns[c].Select((n, i) => (n, i)))
                    position[node.Id] = Centred(row, columns[c].Count);
            }
            var crossings = Crossings(columns, known);
            if (crossings < fewest)
            {
                fewest = crossings;
                best = [.. columns.Select(c => (IReadOnlyList<LineageNode>)[.. c])];
            }
        }
        return [.. best.Select(c => (IReadOnlyList<LineageNode>)[.. c.Where(n => n.Kind != Virtual)])];
    }

    /// <summary>
    /// The columns with a virtual node in each column an edge passes over (appended to that column), and the edges
    /// split at them, so every edge joins neighbouring columns. Edges to or from a node not drawn are left out.
    /// </summary>
    public static (List<List<LineageNode>> Columns, List<LineageEdge> Edges) Expanded(IReadOnlyList<IReadOnlyList<LineageNode>> columns, IReadOnlyList<LineageEdge> edges)
    {
        var expanded = columns.Select(c => c.ToList()).ToList();
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < expanded.Count; c++)
            foreach (var node in expanded[c])
                column[node.Id] = c;
        var split = new List<LineageEdge>();
        foreach (var (edge, i) in edges.Where(e => column.ContainsKey(e.From) && column.ContainsKey(e.To)).Select((e, i) => (e, i)))
        {
            var (from, to) = (column[edge.From], column[edge.To]);
            var step = Math.Sign(to - from);
            var previous = edge.From;
            for (var c = from + step; step != 0 && c != to; c += step)
            {
                var via = new LineageNode($"{Virtual}:{i}:{c}", Virtual, "");
                expanded[c].Add(via);
                split.Add(new LineageEdge(previous, via.Id));
                previous = via.Id;
            }
            split.Add(new LineageEdge(previous, edge.To));
        }
        return (expanded, split);
    }

    /// <summary>
    /// Pairs of edges that cross: both join the same two columns and their ends are in opposite orders there (over
    /// <see cref="Expanded"/> columns and edges, that is every crossing of the drawing's order).
    /// </summary>
    public static int Crossings(IReadOnlyList<IReadOnlyList<LineageNode>> columns, IReadOnlyList<LineageEdge> edges)
    {
        var place = new Dictionary<string, (int Column, int Row)>(StringComparer.Ordinal);
        for (var c = 0; c < columns.Count; c++)
            for (var r = 0; r < columns[c].Count; r++)
                place[columns[c][r].Id] = (c, r);
        var spans = edges.Where(e => place.ContainsKey(e.From) && place.ContainsKey(e.To))
            .Select(e => (From: place[e.From], To: place[e.To])).ToList();
        var crossings = 0;
        for (var i = 0; i < spans.Count; i++)
            for (var j = i + 1; j < spans.Count; j++)
            {
                var (a, b) = (spans[i], spans[j]);
                if (a.From.Column == b.From.Column && a.To.Column == b.To.Column
                    && (a.From.Row - b.From.Row) * (a.To.Row - b.To.Row) < 0)
                    crossings++;
            }
        return crossings;
    }

    private static Dictionary<string, double> Positions(List<List<LineageNode>> columns)
    {
        var position = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var nodes in columns)
            foreach (var (node, row) in nodes.Select((n, i) => (n, i)))
                position[node.Id] = Centred(row, nodes.Count);
        return position;
    }

    // Columns are drawn centred on one another, so a row's height is measured from its column's middle.
    private static double Centred(int row, int count) => row - (count - 1) / 2.0;
}
