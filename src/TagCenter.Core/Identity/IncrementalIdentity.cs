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
        var n = graph.NodeCount;
        var affected = new bool[n];
        var clusters = new List<int>();
        for (var e = firstNewEdge; e < graph.EdgeFrom.Length; e++)
            foreach (var c in (ReadOnlySpan<int>)[previous.Cluster[graph.EdgeFrom[e]], previous.Cluster[graph.EdgeTo[e]]])
                if (!affected[c])
                {
                    affected[c] = true;
                    clusters.Add(c);
                }
        // Local numbering keeps the global order (a scan, not a sort), so ties break as in a full run.
        var local = new int[n];
        var globalOf = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (affected[previous.Cluster[i]])
            {
                local[i] = globalOf.Count;
                globalOf.Add(i);
            }
            else
            {
                local[i] = -1;
            }
        }
        var edgeCount = graph.EdgeFrom.Length - firstNewEdge + clusters.Sum(c => index.EdgeStart[c + 1] - index.EdgeStart[c]);
        var from = new int[edgeCount];
        var to = new int[edgeCount];
        var k = 0;
        foreach (var c in clusters)
            for (var j = index.EdgeStart[c]; j < index.EdgeStart[c + 1]; j++)
            {
                from[k] = local[graph.EdgeFrom[index.Edges[j]]];
                to[k++] = local[graph.EdgeTo[index.Edges[j]]];
            }
        for (var e = firstNewEdge; e < graph.EdgeFrom.Length; e++)
        {
            from[k] = local[graph.EdgeFrom[e]];
            to[k++] = local[graph.EdgeTo[e]];
        }
        var nodeType = new byte[globalOf.Count];
        var seen = new long[globalOf.Count];
        for (var j = 0; j < globalOf.Count; j++)
        {
            nodeType[j] = graph.NodeType[globalOf[j]];
            seen[j] = graph.FirstSeen[globalOf[j]];
        }
        var sub = new IdentityGraphInput(graph.Types, nodeType, seen, from, to);
        var resolved = IdentityResolver.Resolve(sub);

        var person = (int[])previous.Person.Clone();
        var cluster = (int[])previous.Cluster.Clone();
        for (var j = 0; j < globalOf.Count; j++)
        {
            person[globalOf[j]] = globalOf[resolved.Person[j]];
            cluster[globalOf[j]] = globalOf[resolved.Cluster[j]];
        }
        var conflicts = previous.Conflicts.Where(c => local[c.From] < 0)
            .Concat(resolved.Conflicts.Select(c => c with { From = globalOf[c.From], To = globalOf[c.To] }))
            .ToList();
        return new IdentityResolution(person, cluster, conflicts);
    }
}
