using TagCenter.Client;

namespace TagCenter.Web.Charts;

/// <summary>
/// Lays a lineage graph out left to right: each node goes one column after the furthest node feeding it (sources
/// first, the tag's segments last). Cycles cannot occur in lineage; a node on one anyway stays in the first column.
/// </summary>
public static class LineageLayers
{
    public sealed record Layer(int Depth, IReadOnlyList<LineageNode> Nodes);

    public static IReadOnlyList<Layer> Of(TagLineageGraph graph)
    {
        var incoming = graph.Edges.GroupBy(e => e.To).ToDictionary(g => g.Key, g => g.Select(e => e.From).ToList(), StringComparer.Ordinal);
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        int Depth(string id)
        {
            if (depth.TryGetValue(id, out var known))
                return known;
            if (!visiting.Add(id))
                return 0;
            var d = incoming.TryGetValue(id, out var from) && from.Count > 0 ? from.Max(Depth) + 1 : 0;
            visiting.Remove(id);
            depth[id] = d;
            return d;
        }
        return [.. graph.Nodes.GroupBy(n => Depth(n.Id)).OrderBy(g => g.Key)
            .Select(g => new Layer(g.Key, [.. g.OrderBy(n => n.Kind, StringComparer.Ordinal).ThenBy(n => n.Name, StringComparer.Ordinal)]))];
    }
}
