namespace TagCenter.Core.Identity;

/// <summary>
/// Resolves identifiers into persons: connected components with per-type limits, priorities and weak types.
/// <list type="number">
/// <item>Strong–strong edges are followed strongest first (ranked by the weaker end's priority, ties by node
/// order); an edge whose union would give a person more values of a type than its limit is cut and recorded.</item>
/// <item>Each weak node then attaches to the one person it links to most (distinct identifiers; ties: the lowest node), if that
/// person's limit for the type allows.</item>
/// <item>Weak–weak edges join what is left (anonymous visitors), but never two persons that hold strong identifiers.</item>
/// </list>
/// Everything depends only on the graph and the node order, never on row order: resolving one cluster on its
/// own gives the same persons as resolving the whole graph, which is what makes incremental runs exact.
/// </summary>
public static class IdentityResolver
{
    public static IdentityResolution Resolve(IdentityGraphInput graph)
    {
        var n = graph.NodeCount;
        var rules = graph.Types;
        var weak = rules.Select(r => r.Weak).ToArray();
        var priority = rules.Select(r => Math.Clamp(r.Priority, 0, 63)).ToArray();
        var limitSlot = new int[rules.Count];
        var limits = new List<int>();
        for (var t = 0; t < rules.Count; t++)
        {
            limitSlot[t] = rules[t].Limit is { } limit ? limits.Count : -1;
            if (rules[t].Limit is { } l)
                limits.Add(Math.Clamp(l, 1, 250));
        }

        var cluster = Clusters(graph);
        var state = new UnionState(n, limits.ToArray());
        for (var i = 0; i < n; i++)
        {
            var slot = limitSlot[graph.NodeType[i]];
            if (slot >= 0)
                state.Counts[(long)i * state.LimitCount + slot] = 1;
            state.HasStrong[i] = !weak[graph.NodeType[i]];
        }

        var conflicts = new List<IdentityConflict>();
        var (strong, mixed, weakEdges) = SortEdges(graph, weak, priority);
        foreach (var key in strong)
            Union(state, (int)((key >> 29) & Mask), (int)(key & Mask), conflicts, limitSlot, graph, allowTwoStrong: true);
        AttachWeakNodes(state, mixed, conflicts, limitSlot, graph);
        foreach (var key in weakEdges)
            Union(state, (int)((key >> 29) & Mask), (int)(key & Mask), conflicts, limitSlot, graph, allowTwoStrong: false);

        return new IdentityResolution(Anchors(state, graph), cluster, conflicts);
    }

    private const ulong Mask = (1UL << 29) - 1;

    /// <summary>Edges as sortable keys: rank (6 bits), lower node (29 bits), higher node (29 bits); sorted, de-duplicated.</summary>
    private static (ulong[] Strong, ulong[] Mixed, ulong[] Weak) SortEdges(IdentityGraphInput graph, bool[] weak, int[] priority)
    {
        if (graph.NodeCount > (1 << 29))
            throw new ArgumentException("at most 2^29 identifier nodes per resolution", nameof(graph));
        var strong = new List<ulong>(graph.EdgeFrom.Length);
        var mixed = new List<ulong>();
        var weakOnly = new List<ulong>();
        for (var e = 0; e < graph.EdgeFrom.Length; e++)
        {
            int a = graph.EdgeFrom[e], b = graph.EdgeTo[e];
            if (a == b)
                continue;
            if (a > b)
                (a, b) = (b, a);
            bool wa = weak[graph.NodeType[a]], wb = weak[graph.NodeType[b]];
            var rank = (ulong)Math.Max(priority[graph.NodeType[a]], priority[graph.NodeType[b]]);
            if (!wa && !wb)
                strong.Add((rank << 58) | ((ulong)(uint)a << 29) | (uint)b);
            else if (wa && wb)
                weakOnly.Add((rank << 58) | ((ulong)(uint)a << 29) | (uint)b);
            else // mixed: keep (weak node, strong node)
                mixed.Add(wa ? ((ulong)(uint)a << 32) | (uint)b : ((ulong)(uint)b << 32) | (uint)a);
        }
        return (SortedDistinct(strong), SortedDistinct(mixed), SortedDistinct(weakOnly));
    }

    private static ulong[] SortedDistinct(List<ulong> keys)
    {
        var array = keys.ToArray();
        Array.Sort(array);
        var length = 0;
        for (var i = 0; i < array.Length; i++)
            if (i == 0 || array[i] != array[i - 1])
                array[length++] = array[i];
        Array.Resize(ref array, length);
        return array;
    }

    private static bool Union(UnionState s, int a, int b, List<IdentityConflict> conflicts, int[] limitSlot, IdentityGraphInput graph, bool allowTwoStrong)
    {
        int ra = s.Find(a), rb = s.Find(b);
        if (ra == rb)
            return true;
        if (!allowTwoStrong && s.HasStrong[ra] && s.HasStrong[rb])
            return false;
        var broken = s.BrokenLimit(ra, rb);
        if (broken >= 0)
        {
            var type = Array.IndexOf(limitSlot, broken);
            conflicts.Add(new IdentityConflict(a, b, type, graph.Types[type].Limit ?? 0));
            return false;
        }
        s.Link(ra, rb);
        return true;
    }

    /// <summary>Each weak node joins the person it links to through most distinct identifiers; ties go to the lowest node.</summary>
    private static void AttachWeakNodes(UnionState s, ulong[] mixed, List<IdentityConflict> conflicts, int[] limitSlot, IdentityGraphInput graph)
    {
        var candidates = new List<(int Root, int Count, int Strong)>();
        for (var i = 0; i < mixed.Length;)
        {
            var weakNode = (int)(mixed[i] >> 32);
            candidates.Clear();
            var j = i;
            var roots = new Dictionary<int, (int Count, int Strong)>();
            for (; j < mixed.Length && (int)(mixed[j] >> 32) == weakNode; j++)
            {
                var strongNode = (int)(uint)mixed[j];
                var root = s.Find(strongNode);
                roots[root] = roots.TryGetValue(root, out var c) ? (c.Count + 1, Math.Min(c.Strong, strongNode)) : (1, strongNode);
            }
            // Ties go to the person whose strongest-ordered node comes first: independent of union-find roots.
            foreach (var (root, (count, strongNode)) in roots.OrderByDescending(r => r.Value.Count).ThenBy(r => r.Value.Strong))
            {
                if (s.Find(weakNode) == root)
                    break;
                if (Union(s, strongNode, weakNode, conflicts, limitSlot, graph, allowTwoStrong: false))
                    break;
            }
            i = j;
        }
    }

    /// <summary>Per node, the anchor of its person: oldest first-seen, then strongest type, then lowest index.</summary>
    private static int[] Anchors(UnionState s, IdentityGraphInput graph)
    {
        var n = graph.NodeCount;
        var order = new AnchorOrder(graph);
        var anchorOfRoot = new int[n];
        Array.Fill(anchorOfRoot, -1);
        for (var i = 0; i < n; i++)
        {
            var root = s.Find(i);
            var current = anchorOfRoot[root];
            if (current < 0 || order.Older(i, current))
                anchorOfRoot[root] = i;
        }
        var person = new int[n];
        for (var i = 0; i < n; i++)
            person[i] = anchorOfRoot[s.Find(i)];
        return person;
    }

    /// <summary>Plain connected components, named by their lowest node.</summary>
    private static int[] Clusters(IdentityGraphInput graph)
    {
        var parent = new int[graph.NodeCount];
        for (var i = 0; i < parent.Length; i++)
            parent[i] = i;
        int Find(int x)
        {
            while (parent[x] != x)
                x = parent[x] = parent[parent[x]];
            return x;
        }
        for (var e = 0; e < graph.EdgeFrom.Length; e++)
        {
            int ra = Find(graph.EdgeFrom[e]), rb = Find(graph.EdgeTo[e]);
            if (ra != rb)
                parent[Math.Max(ra, rb)] = Math.Min(ra, rb); // the root is always the lowest node
        }
        var cluster = new int[graph.NodeCount];
        for (var i = 0; i < cluster.Length; i++)
            cluster[i] = Find(i);
        return cluster;
    }
}
