namespace TagCenter.Core.Identity;

/// <summary>
/// The outcome: per node its person (the index of the person's anchor node: the oldest node, then the
/// strongest type, then the lowest index) and its cluster (the plain connected component, ignoring limits,
/// which is what an incremental run must recompute together), plus the conflicts that cut edges.
/// </summary>
public sealed record IdentityResolution(int[] Person, int[] Cluster, IReadOnlyList<IdentityConflict> Conflicts)
{
    public int PersonCount => Person.Where((p, i) => p == i).Count();
}
