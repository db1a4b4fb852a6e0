namespace TagCenter.DuckDb.Realtime;

/// <summary>One held person: what the committed path would read, plus the rows this path added (by log offset).</summary>
internal sealed class LivePerson(IReadOnlyDictionary<string, object?>? golden, IReadOnlyDictionary<string, object?>? stored, HashSet<string> segments)
{
    public IReadOnlyDictionary<string, object?>? Golden { get; } = golden;

    public IReadOnlyDictionary<string, object?>? Stored { get; set; } = stored;

    public HashSet<string> Segments { get; } = segments;

    public Dictionary<string, List<IReadOnlyDictionary<string, object?>>> Facts { get; } = new(StringComparer.Ordinal);

    /// <summary>Every (source, line) in <see cref="Facts"/>: an event already there is not added twice.</summary>
    public HashSet<(string Source, long Line)> Lines { get; } = [];

    /// <summary>Log offsets this path added.</summary>
    public HashSet<long> Added { get; } = [];

    public uint? Ordinal { get; set; }

    public long LastOffset { get; set; } = -1;

    public void Add(string fact, IReadOnlyDictionary<string, object?> row)
    {
        if (!Facts.TryGetValue(fact, out var rows))
            Facts[fact] = rows = [];
        rows.Add(row);
    }

    public PersonState State => new(Golden, Stored, Segments,
        Facts.ToDictionary(f => f.Key, IReadOnlyList<IReadOnlyDictionary<string, object?>> (f) => f.Value, StringComparer.Ordinal));
}
