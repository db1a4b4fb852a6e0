namespace TagCenter.Core.Identity;

/// <summary>
/// The identity graph in compact form. Nodes are numbered 0..n-1 <b>in a stable order</b> (by type, then
/// value), which the resolver uses to break ties, so the same graph always resolves the same way whatever
/// order its rows arrived in. Edges may repeat and come in any order.
/// </summary>
public sealed class IdentityGraphInput
{
    public IdentityGraphInput(IReadOnlyList<IdentifierTypeRule> types, byte[] nodeType, long[] firstSeen, int[] edgeFrom, int[] edgeTo)
    {
        if (nodeType.Length != firstSeen.Length)
            throw new ArgumentException("one type and one first-seen time per node", nameof(firstSeen));
        if (edgeFrom.Length != edgeTo.Length)
            throw new ArgumentException("edges need both ends", nameof(edgeTo));
        if (types.Count > 60)
            throw new ArgumentException("at most 60 identifier types", nameof(types));
        Types = types;
        NodeType = nodeType;
        FirstSeen = firstSeen;
        EdgeFrom = edgeFrom;
        EdgeTo = edgeTo;
    }

    public IReadOnlyList<IdentifierTypeRule> Types { get; }

    /// <summary>Index into <see cref="Types"/> per node.</summary>
    public byte[] NodeType { get; }

    /// <summary>When each node was first seen (ticks; long.MaxValue when unknown): the oldest node names the person.</summary>
    public long[] FirstSeen { get; }

    public int[] EdgeFrom { get; }

    public int[] EdgeTo { get; }

    public int NodeCount => NodeType.Length;
}
