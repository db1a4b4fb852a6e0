namespace TagCenter.Core.Identity;

/// <summary>
/// Gives each resolved person a OneID that stays with its cluster across runs:
/// <list type="number">
/// <item>each previous id goes to the person holding most of its identifiers (ties: the person whose anchor
/// comes first), so on a split the larger part keeps it;</item>
/// <item>a person that inherits several ids keeps the oldest; the others are recorded as merged into it;</item>
/// <item>a person that inherits none gets a new id, numbered after every previous one, oldest anchor first.</item>
/// </list>
/// Only node order, the resolution and the previous ids matter, never row order; a person that did not
/// change keeps its id, which is what makes re-runs and incremental runs stable.
/// </summary>
public static class OneIdAssigner
{
    /// <param name="previous">Per node, the index of the OneID it had in the previous run (lower = older), or -1 for a new node.</param>
    /// <param name="previousCount">How many previous ids the indexes range over.</param>
    public static OneIdAssignment Assign(IdentityGraphInput graph, IdentityResolution resolution, int[] previous, int previousCount)
    {
        var n = graph.NodeCount;
        if (previous.Length != n)
            throw new ArgumentException("one previous id (or -1) per node", nameof(previous));
        // Per (previous id, person): how many of the id's identifiers the person holds.
        var held = new Dictionary<(int Old, int Person), int>();
        for (var i = 0; i < n; i++)
            if (previous[i] >= 0)
            {
                var key = (previous[i], resolution.Person[i]);
                held[key] = held.GetValueOrDefault(key) + 1;
            }
        var heir = new Dictionary<int, (int Person, int Count)>();
        foreach (var ((old, person), count) in held)
            if (!heir.TryGetValue(old, out var best) || count > best.Count || (count == best.Count && person < best.Person))
                heir[old] = (person, count);

        // Each person keeps the oldest id it inherits; the others merge into it.
        var idOfPerson = new Dictionary<int, int>();
        foreach (var (old, (person, _)) in heir)
            idOfPerson[person] = idOfPerson.TryGetValue(person, out var kept) ? Math.Min(kept, old) : old;
        var merges = heir.Where(h => idOfPerson[h.Value.Person] != h.Key)
            .Select(h => new OneIdMerge(h.Key, idOfPerson[h.Value.Person])).OrderBy(m => m.Retired).ToList();

        var order = new AnchorOrder(graph);
        var newAnchors = Enumerable.Range(0, n).Where(i => resolution.Person[i] == i && !idOfPerson.ContainsKey(i))
            .Order(Comparer<int>.Create(order.Compare)).ToArray();
        for (var k = 0; k < newAnchors.Length; k++)
            idOfPerson[newAnchors[k]] = previousCount + k;

        var id = new int[n];
        for (var i = 0; i < n; i++)
            id[i] = idOfPerson[resolution.Person[i]];
        var splits = held.Keys.Where(k => heir[k.Old].Person != k.Person)
            .Select(k => new OneIdSplit(idOfPerson[k.Person], k.Old)).Distinct().OrderBy(s => s.From).ThenBy(s => s.Part).ToList();
        return new OneIdAssignment(id, previousCount, newAnchors, merges, splits);
    }
}
