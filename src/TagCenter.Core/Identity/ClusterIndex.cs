namespace TagCenter.Core.Identity;

/// <summary>
/// Nodes and edges grouped by cluster (compressed sparse rows), kept beside a resolution so that an
/// incremental run reads only the clusters new edges touch: the in-memory form of the cluster-keyed tables.
/// </summary>
public sealed class ClusterIndex
{
    private ClusterIndex(int[] nodeStart, int[] nodes, int[] edgeStart, int[] edges)
    {
        NodeStart = nodeStart;
        Nodes = nodes;
        EdgeStart = edgeStart;
        Edges = edges;
    }

    /// <summary>Nodes of cluster c: <c>Nodes[NodeStart[c]..NodeStart[c + 1]]</c> (c is the cluster's lowest node).</summary>
    public int[] NodeStart { get; }

    public int[] Nodes { get; }

    public int[] EdgeStart { get; }

    public int[] Edges { get; }

    public static ClusterIndex Build(IdentityGraphInput graph, int[] cluster, int edgeCount)
    {
        var n = graph.NodeCount;
        var nodeStart = CountingOffsets(n, Enumerable.Range(0, n).Select(i => cluster[i]));
        var nodes = Place(nodeStart, n, i => cluster[i]);
        var edgeStart = CountingOffsets(n, Enumerable.Range(0, edgeCount).Select(e => cluster[graph.EdgeFrom[e]]));
        var edges = Place(edgeStart, edgeCount, e => cluster[graph.EdgeFrom[e]]);
        return new ClusterIndex(nodeStart, nodes, edgeStart, edges);
    }

    private static int[] CountingOffsets(int buckets, IEnumerable<int> keys)
    {
        var start = new int[buckets + 1];
        foreach (var key in keys)
            start[key + 1]++;
        for (var i = 0; i < buckets; i++)
            start[i + 1] += start[i];
        return start;
    }

    private static int[] Place(int[] start, int count, Func<int, int> key)
    {
        var next = (int[])start.Clone();
        var placed = new int[count];
        for (var i = 0; i < count; i++)
            placed[next[key(i)]++] = i;
        return placed;
    }
}
