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
        // New edges that repeat a link the cluster already has change nothing (a returning customer's rows).
        var clusters = new List<int>();
        var seenCluster = new HashSet<int>();
        for (var e = firstNewEdge; e < graph.EdgeFrom.Length; e++)
        {
            int a = graph.EdgeFrom[e], b = graph.EdgeTo[e];
            int ca = previous.Cluster[a], cb = previous.Cluster[b];
            if (a == b || (ca == cb && HasEdge(graph, index, ca, a, b)))
                continue;
            if (seenCluster.Add(ca))
                clusters.Add(ca);
            if (seenCluster.Add(cb))
                clusters.Add(cb);
        }
        // Local numbering keeps the global order, so ties break as in a full run.
        var globalOf = clusters.SelectMany(c => new ArraySegment<int>(index.Nodes, index.NodeStart[c], index.NodeStart[c + 1] - index.NodeStart[c])).ToArray();
        Array.Sort(globalOf);
        var local = new Dictionary<int, int>(globalOf.Length);
        for (var j = 0; j < globalOf.Length; j++)
            local[globalOf[j]] = j;
        var newEdges = Enumerable.Range(firstNewEdge, graph.EdgeFrom.Length - firstNewEdge)
            .Where(e => local.ContainsKey(graph.EdgeFrom[e])).ToArray();
        var edgeCount = newEdges.Length + clusters.Sum(c => index.EdgeStart[c + 1] - index.EdgeStart[c]);
        var from = new int[edgeCount];
        var to = new int[edgeCount];
        var k = 0;
        foreach (var c in clusters)
            for (var j = index.EdgeStart[c]; j < index.EdgeStart[c + 1]; j++)
            {
                from[k] = local[graph.EdgeFrom[index.Edges[j]]];
                to[k++] = local[graph.EdgeTo[index.Edges[j]]];
            }
        foreach (var e in newEdges)
        {
            from[k] = local[graph.EdgeFrom[e]];
            to[k++] = local[graph.EdgeTo[e]];
        }
        var nodeType = new byte[globalOf.Length];
        var seen = new long[globalOf.Length];
        for (var j = 0; j < globalOf.Length; j++)
        {
            nodeType[j] = graph.NodeType[globalOf[j]];
            seen[j] = graph.FirstSeen[globalOf[j]];
        }
        var sub = new IdentityGraphInput(graph.Types, nodeType, seen, from, to);
        var resolved = IdentityResolver.Resolve(sub);

        var person = (int[])previous.Person.Clone();
        var cluster = (int[])previous.Cluster.Clone();
        for (var j = 0; j < globalOf.Length; j++)
        {
            person[globalOf[j]] = globalOf[resolved.Person[j]];
            cluster[globalOf[j]] = globalOf[resolved.Cluster[j]];
        }
        var conflicts = previous.Conflicts.Where(c => !local.ContainsKey(c.From))
            .Concat(resolved.Conflicts.Select(c => c with { From = globalOf[c.From], To = globalOf[c.To] }))
            .ToList();
        return new IdentityResolution(person, cluster, conflicts);
    }

    private static bool HasEdge(IdentityGraphInput graph, ClusterIndex index, int cluster, int a, int b)
    {
        for (var j = index.EdgeStart[cluster]; j < index.EdgeStart[cluster + 1]; j++)
        {
            var e = index.Edges[j];
            int x = graph.EdgeFrom[e], y = graph.EdgeTo[e];
            if ((x == a && y == b) || (x == b && y == a))
                return true;
        }
        return false;
    }
}
