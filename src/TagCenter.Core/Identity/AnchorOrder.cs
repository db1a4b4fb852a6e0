namespace TagCenter.Core.Identity;

/// <summary>Which of two nodes names a person: the oldest first-seen, then the strongest type, then the lowest index.</summary>
internal sealed class AnchorOrder
{
    private readonly IdentityGraphInput _graph;
    private readonly int[] _priority;

    public AnchorOrder(IdentityGraphInput graph)
    {
        _graph = graph;
        _priority = graph.Types.Select(r => Math.Clamp(r.Priority, 0, 63)).ToArray();
    }

    public bool Older(int a, int b) => Compare(a, b) < 0;

    public int Compare(int a, int b)
    {
        if (_graph.FirstSeen[a] != _graph.FirstSeen[b])
            return _graph.FirstSeen[a].CompareTo(_graph.FirstSeen[b]);
        var pa = _priority[_graph.NodeType[a]];
        var pb = _priority[_graph.NodeType[b]];
        return pa != pb ? pa.CompareTo(pb) : a.CompareTo(b);
    }
}
