namespace TagCenter.Core.Identity;

/// <summary>Union-find with, per root, how many values of each limited type its person holds (saturating bytes).</summary>
internal sealed class UnionState
{
    private readonly int[] _parent;
    private readonly int[] _size;
    private readonly int[] _limits;

    public UnionState(int nodes, int[] limits)
    {
        _parent = new int[nodes];
        _size = new int[nodes];
        for (var i = 0; i < nodes; i++)
        {
            _parent[i] = i;
            _size[i] = 1;
        }
        _limits = limits;
        Counts = new byte[(long)nodes * limits.Length];
        HasStrong = new bool[nodes];
    }

    public int LimitCount => _limits.Length;

    public byte[] Counts { get; }

    public bool[] HasStrong { get; }

    public int Find(int x)
    {
        while (_parent[x] != x)
            x = _parent[x] = _parent[_parent[x]];
        return x;
    }

    /// <summary>The first limited type (slot) whose limit a union of the two roots would exceed, or -1.</summary>
    public int BrokenLimit(int ra, int rb)
    {
        long oa = (long)ra * _limits.Length, ob = (long)rb * _limits.Length;
        for (var t = 0; t < _limits.Length; t++)
            if (Counts[oa + t] + Counts[ob + t] > _limits[t])
                return t;
        return -1;
    }

    /// <summary>Links two roots: the larger absorbs the smaller (ties: the lower index wins).</summary>
    public void Link(int ra, int rb)
    {
        if (_size[ra] < _size[rb] || (_size[ra] == _size[rb] && rb < ra))
            (ra, rb) = (rb, ra);
        _parent[rb] = ra;
        _size[ra] += _size[rb];
        HasStrong[ra] |= HasStrong[rb];
        long oa = (long)ra * _limits.Length, ob = (long)rb * _limits.Length;
        for (var t = 0; t < _limits.Length; t++)
            Counts[oa + t] = (byte)Math.Min(255, Counts[oa + t] + Counts[ob + t]);
    }
}
