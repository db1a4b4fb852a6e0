namespace TagCenter.Core.Identity;

/// <summary>
/// Re-resolves only what new edges touch: the clusters (plain connected components) of their endpoints.
/// A cluster resolves the same on its own as inside the whole graph, so the result equals a full run.
/// </summary>
public static class IncrementalIdentity
{
    /// <param name="graph">All nodes (in their stable order) and all edges, the new ones from <paramref name="firstNewEdge"/> on.</param>
    /// <param name="previous">The resolution of the old edges, nodes new since then being their own singletons.</param>
    /// <param name="index">The old edges and nodes grouped by the previous clusters (built without it when null).</param>
    public static IdentityResolution Apply(IdentityGraphInput graph, IdentityResolution previous, int firstNewEdge, ClusterIndex? index = null)
    {
        index ??= ClusterIndex.Build(graph, previous.Cluster, firstNewEdge);
        var affected = new HashSet<int>();
        for (var e = firstNewEdge; e < graph.EdgeFrom.Length; e++)
        {
            affected.Add(previous.Cluster[graph.EdgeFrom[e]]);
            affected.Add(previous.Cluster[graph.EdgeTo[e]]);
        }
        // Local numbering keeps the global order, so ties break the same way as in a full run.
        var globalOf = affected.SelectMany(c => index.Nodes[index.NodeStart[c]..index.NodeStart[c + 1]]).Order().ToArray();
        var local = new Dictionary<int, int>(globalOf.Length);
        for (var k = 0; k < globalOf.Length; k++)
            local[globalOf[k]] = k;
        var edges = affected.SelectMany(c => index.Edges[index.EdgeStart[c]..index.EdgeStart[c + 1]])
            .Concat(Enumerable.Range(firstNewEdge, graph.EdgeFrom.Length - firstNewEdge)).ToArray();
        var sub = new IdentityGraphInput(graph.Types,
            globalOf.Select(g => graph.NodeType[g]).ToArray(), globalOf.Select(g => graph.FirstSeen[g]).ToArray(),
            edges.Select(e => local[graph.EdgeFrom[e]]).ToArray(), edges.Select(e => local[graph.EdgeTo[e]]).ToArray());
        var resolved = IdentityResolver.Resolve(sub);

        var person = (int[])previous.Person.Clone();
        var cluster = (int[])previous.Cluster.Clone();
        for (var k = 0; k < globalOf.Length; k++)
        {
            person[globalOf[k]] = globalOf[resolved.Person[k]];
            cluster[globalOf[k]] = globalOf[resolved.Cluster[k]];
        }
        var conflicts = previous.Conflicts.Where(c => !local.ContainsKey(c.From))
            .Concat(resolved.Conflicts.Select(c => c with { From = globalOf[c.From], To = globalOf[c.To] }))
            .ToList();
        return new IdentityResolution(person, cluster, conflicts);
    }
}
