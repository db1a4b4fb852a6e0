namespace TagCenter.Core.Identity;

/// <summary>
/// Re-resolves only what new edges touch: the clusters (plain connected components) of their endpoints.
/// A cluster resolves the same on its own as inside the whole graph, so the result equals a full run.
/// </summary>
public static class IncrementalIdentity
{
    /// <param name="graph">All nodes (in their stable order) and all edges, the new ones from <paramref name="firstNewEdge"/> on.</param>
    /// <param name="previous">The resolution of the old edges, nodes new since then being their own singletons.</param>
    public static IdentityResolution Apply(IdentityGraphInput graph, IdentityResolution previous, int firstNewEdge)
    {
        var n = graph.NodeCount;
        var affectedCluster = new bool[n];
        for (var e = firstNewEdge; e < graph.EdgeFrom.Length; e++)
        {
            affectedCluster[previous.Cluster[graph.EdgeFrom[e]]] = true;
            affectedCluster[previous.Cluster[graph.EdgeTo[e]]] = true;
        }
        // Local numbering keeps the global order, so ties break the same way as in a full run.
        var local = new int[n];
        var globalOf = new List<int>();
        for (var i = 0; i < n; i++)
        {
            local[i] = affectedCluster[previous.Cluster[i]] ? globalOf.Count : -1;
            if (local[i] >= 0)
                globalOf.Add(i);
        }
        var from = new List<int>();
        var to = new List<int>();
        for (var e = 0; e < graph.EdgeFrom.Length; e++)
        {
            if (local[graph.EdgeFrom[e]] < 0)
                continue;
            from.Add(local[graph.EdgeFrom[e]]);
            to.Add(local[graph.EdgeTo[e]]);
        }
        var sub = new IdentityGraphInput(graph.Types,
            globalOf.Select(g => graph.NodeType[g]).ToArray(), globalOf.Select(g => graph.FirstSeen[g]).ToArray(), from.ToArray(), to.ToArray());
        var resolved = IdentityResolver.Resolve(sub);

        var person = (int[])previous.Person.Clone();
        var cluster = (int[])previous.Cluster.Clone();
        for (var k = 0; k < globalOf.Count; k++)
        {
            person[globalOf[k]] = globalOf[resolved.Person[k]];
            cluster[globalOf[k]] = globalOf[resolved.Cluster[k]];
        }
        var conflicts = previous.Conflicts.Where(c => local[c.From] < 0)
            .Concat(resolved.Conflicts.Select(c => c with { From = globalOf[c.From], To = globalOf[c.To] }))
            .OrderBy(c => c.From).ThenBy(c => c.To).ToList();
        return new IdentityResolution(person, cluster, conflicts);
    }
}
