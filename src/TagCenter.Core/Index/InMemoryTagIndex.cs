using TagCenter.Core.Bitmaps;

namespace TagCenter.Core.Index;

/// <summary>
/// An <see cref="ITagIndex"/> over bitmaps already in memory: what the file-backed index loads into, and what tests
/// and benchmarks build by hand. Unknown tags or values answer with an empty bitmap, like a value nobody has.
/// </summary>
public sealed class InMemoryTagIndex : ITagIndex
{
    private readonly Dictionary<string, (IndexedTag Tag, IReadOnlyList<string> Values, IReadOnlyList<RoaringBitmap> Bitmaps, RoaringBitmap HasValue)> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IndexedTag Tag, BitSlicedIndex Bsi)> _ranges = new(StringComparer.Ordinal);
    private readonly List<IndexedTag> _tags = [];
    private readonly List<IndexedTag> _activity = [];

    public InMemoryTagIndex(RoaringBitmap all) => All = all;

    public RoaringBitmap All { get; }

    public IReadOnlyList<IndexedTag> Tags => _tags;

    public DateTime? ActivityAnchor { get; private set; }

    public IReadOnlyList<IndexedTag> Activity => _activity;

    /// <summary>Adds the activity column of <paramref name="fact"/> (or one of its events), anchored at <paramref name="anchor"/>.</summary>
    public InMemoryTagIndex AddActivity(DateTime anchor, string fact, string? @event, BitSlicedIndex bsi)
    {
        var tag = new IndexedTag(ActivityColumns.Code(fact, @event), IndexedAs.Range, IndexEncoding.Integer);
        ActivityAnchor = anchor;
        _ranges.Add(tag.Code, (tag, bsi));
        _activity.Add(tag);
        return this;
    }

    /// <summary>Adds a value-indexed tag: one bitmap per value (same order as <paramref name="values"/>).</summary>
    public InMemoryTagIndex AddValues(string code, IReadOnlyList<string> values, IReadOnlyList<RoaringBitmap> bitmaps)
    {
        if (values.Count != bitmaps.Count)
            throw new ArgumentException("one bitmap per value");
        var tag = new IndexedTag(code, IndexedAs.Values, IndexEncoding.None);
        var has = bitmaps.Aggregate(new RoaringBitmap(), RoaringBitmap.Or);
        _values.Add(code, (tag, values, bitmaps, has));
        _tags.Add(tag);
        return this;
    }

    public InMemoryTagIndex AddRange(string code, IndexEncoding encoding, BitSlicedIndex bsi)
    {
        var tag = new IndexedTag(code, IndexedAs.Range, encoding);
        _ranges.Add(code, (tag, bsi));
        _tags.Add(tag);
        return this;
    }

    public IndexedTag? Find(string tagCode) =>
        _values.TryGetValue(tagCode, out var v) ? v.Tag : _ranges.TryGetValue(tagCode, out var r) ? r.Tag : null;

    public IReadOnlyList<string> Values(string tagCode) => _values.TryGetValue(tagCode, out var v) ? v.Values : [];

    public RoaringBitmap Equal(string tagCode, string value)
    {
        if (!_values.TryGetValue(tagCode, out var v))
            return new RoaringBitmap();
        for (var i = 0; i < v.Values.Count; i++)
            if (string.Equals(v.Values[i], value, StringComparison.Ordinal))
                return v.Bitmaps[i];
        return new RoaringBitmap();
    }

    public RoaringBitmap HasValue(string tagCode) =>
        _values.TryGetValue(tagCode, out var v) ? v.HasValue : _ranges.TryGetValue(tagCode, out var r) ? r.Bsi.NotNull : new RoaringBitmap();

    public RoaringBitmap Range(string tagCode, RangeOperator op, long value) =>
        _ranges.TryGetValue(tagCode, out var r) ? r.Bsi.Range(op, value) : new RoaringBitmap();

    public BitSlicedIndex? RangeIndex(string tagCode) => _ranges.TryGetValue(tagCode, out var r) ? r.Bsi : null;
}
