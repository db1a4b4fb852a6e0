using System.Collections.Concurrent;
using System.Collections.Immutable;
using TagCenter.Core.Bitmaps;
using TagCenter.Core.Index;

namespace TagCenter.Core.Realtime;

/// <summary>
/// The bitmap index of the last batch run with the real-time changes since laid over it, so counts and portraits
/// see a person's new values within milliseconds without rewriting the memory-mapped file. The overlay keeps, per
/// tag, the current value of each person changed since (text for value bitmaps, the encoded long for bit-sliced
/// tags); a lookup is the file's answer minus the changed persons plus those of them whose value matches. Immutable:
/// <see cref="With"/> returns a new view (readers keep the one they hold); answers are cached per view. A batch run
/// writes a new file and starts from an empty overlay.
/// </summary>
public sealed class PatchedTagIndex : ITagIndex
{
    private readonly ImmutableDictionary<string, ImmutableDictionary<uint, object?>> _values;
    private readonly ImmutableDictionary<uint, bool> _persons;
    private readonly ConcurrentDictionary<string, RoaringBitmap> _touched = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string?), RoaringBitmap> _equal = new();
    private readonly ConcurrentDictionary<string, BitSlicedIndex?> _ranges = new(StringComparer.Ordinal);
    private readonly Lazy<RoaringBitmap> _all;

    public PatchedTagIndex(ITagIndex @base)
        : this(@base, ImmutableDictionary.Create<string, ImmutableDictionary<uint, object?>>(StringComparer.Ordinal), ImmutableDictionary<uint, bool>.Empty)
    {
    }

    private PatchedTagIndex(ITagIndex @base, ImmutableDictionary<string, ImmutableDictionary<uint, object?>> values, ImmutableDictionary<uint, bool> persons)
    {
        Base = @base;
        _values = values;
        _persons = persons;
        _all = new Lazy<RoaringBitmap>(() =>
        {
            if (_persons.IsEmpty)
                return Base.All;
            var changed = Sorted(_persons.Keys);
            var present = Sorted(_persons.Where(p => p.Value).Select(p => p.Key));
            return RoaringBitmap.Or(RoaringBitmap.AndNot(Base.All, changed), present);
        });
    }

    /// <summary>The file's index the overlay lies over.</summary>
    public ITagIndex Base { get; }

    /// <summary>How many persons the overlay changed since the file was written.</summary>
    public int Patched => _persons.Count;

    /// <summary>
    /// A view with <paramref name="patches"/> applied on top of this one, then <paramref name="activity"/> (a person no
    /// longer present loses their activity too, as a rebuild would drop them).
    /// </summary>
    public PatchedTagIndex With(IEnumerable<IndexPatch> patches, IEnumerable<ActivityPatch>? activity = null)
    {
        var values = _values.ToBuilder();
        var persons = _persons.ToBuilder();
        var birthday = Base.Find(PlanBuilder.BirthdayCode) is { Kind: IndexedAs.Range };
        long? ageDay = Base.Find(PlanBuilder.AgeCode) is { Kind: IndexedAs.Range } && Base.AgeAnchor is { } anchor ? BsiEncoding.Encode(IndexEncoding.Days, anchor) : null;
        void Set(string code, uint ordinal, object? stored)
        {
            var column = values.TryGetValue(code, out var known) ? known : ImmutableDictionary<uint, object?>.Empty;
            values[code] = column.SetItem(ordinal, stored);
        }
        foreach (var patch in patches)
        {
            persons[patch.Ordinal] = patch.Present;
            foreach (var tag in Base.Tags)
                Set(tag.Code, patch.Ordinal, Encode(tag, TagValues.Plain(patch.Present ? patch.Values.GetValueOrDefault(tag.Code) : null)));
            if (!patch.Present)
                foreach (var column in Base.Activity)
                    Set(column.Code, patch.Ordinal, null);
            // A rebuild reads the birthday of every person of person_tags from the golden record as it is then.
            if (birthday && (!patch.Present || patch.Golden))
            {
                Set(PlanBuilder.BirthdayCode, patch.Ordinal, patch.Present ? patch.Birthday : null);
                if (ageDay is { } day)
                    Set(PlanBuilder.AgeCode, patch.Ordinal, patch.Present && patch.Birthday is { } born ? PlanBuilder.AgeOn(born, day) : null);
            }
        }
        foreach (var patch in activity ?? [])
            foreach (var column in Base.Activity)
                Set(column.Code, patch.Ordinal, patch.Latest.TryGetValue(column.Code, out var day) ? day : null);
        return new PatchedTagIndex(Base, values.ToImmutable(), persons.ToImmutable());
    }

    private static object? Encode(IndexedTag tag, object? value) => value is null ? null
        : tag.Kind == IndexedAs.Values ? TagValues.Text(value) : BsiEncoding.Encode(tag.Encoding, value);

    public RoaringBitmap All => _all.Value;

    public IReadOnlyList<IndexedTag> Tags => Base.Tags;

    public DateTime? ActivityAnchor => Base.ActivityAnchor;

    public DateTime? AgeAnchor => Base.AgeAnchor;

    public IReadOnlyList<IndexedTag> Activity => Base.Activity;

    public IndexedTag? Find(string tagCode) => Base.Find(tagCode);

    public IReadOnlyList<string> Values(string tagCode)
    {
        var values = Base.Values(tagCode);
        if (!_values.TryGetValue(tagCode, out var column))
            return values;
        var added = column.Values.OfType<string>().Distinct(StringComparer.Ordinal).Where(v => !values.Contains(v, StringComparer.Ordinal)).Order(StringComparer.Ordinal);
        return [.. values, .. added];
    }

    public RoaringBitmap Equal(string tagCode, string value) =>
        !_values.TryGetValue(tagCode, out var column) || Find(tagCode) is not { Kind: IndexedAs.Values }
            ? Base.Equal(tagCode, value)
            : _equal.GetOrAdd((tagCode, value), _ => Merge(Base.Equal(tagCode, value), tagCode, column, v => v is string s && string.Equals(s, value, StringComparison.Ordinal)));

    public RoaringBitmap HasValue(string tagCode)
    {
        if (!_values.TryGetValue(tagCode, out var column))
            return Base.HasValue(tagCode);
        if (Find(tagCode) is { Kind: IndexedAs.Range })
            return RangeIndex(tagCode)?.NotNull ?? Base.HasValue(tagCode);
        return _equal.GetOrAdd((tagCode, null), _ => Merge(Base.HasValue(tagCode), tagCode, column, v => v is not null));
    }

    public RoaringBitmap Range(string tagCode, RangeOperator op, long value) =>
        !_values.ContainsKey(tagCode) ? Base.Range(tagCode, op, value) : RangeIndex(tagCode)?.Range(op, value) ?? new RoaringBitmap();

    public RoaringBitmap Range(string tagCode, RangeTest first, RangeTest second) =>
        !_values.ContainsKey(tagCode) ? Base.Range(tagCode, first, second) : RangeIndex(tagCode)?.Range([first, second]) ?? new RoaringBitmap();

    public RoaringBitmap? KeptRange(string tagCode, RangeTest first, RangeTest? second) =>
        _values.ContainsKey(tagCode) ? null : Base.KeptRange(tagCode, first, second);

    public BitSlicedIndex? RangeIndex(string tagCode)
    {
        var bsi = Base.RangeIndex(tagCode);
        if (bsi is null || !_values.TryGetValue(tagCode, out var column))
            return bsi;
        return _ranges.GetOrAdd(tagCode, _ => BsiPatch.Apply(bsi, Touched(tagCode, column), column.Where(c => c.Value is long).Select(c => (c.Key, (long)c.Value!))));
    }

    /// <summary>The file's set without the changed persons, plus the changed persons whose value <paramref name="matches"/>.</summary>
    private RoaringBitmap Merge(RoaringBitmap fromFile, string tagCode, ImmutableDictionary<uint, object?> column, Func<object?, bool> matches) =>
        RoaringBitmap.Or(RoaringBitmap.AndNot(fromFile, Touched(tagCode, column)), Sorted(column.Where(c => matches(c.Value)).Select(c => c.Key)));

    private RoaringBitmap Touched(string tagCode, ImmutableDictionary<uint, object?> column) => _touched.GetOrAdd(tagCode, _ => Sorted(column.Keys));

    private static RoaringBitmap Sorted(IEnumerable<uint> ordinals)
    {
        var array = ordinals.ToArray();
        Array.Sort(array);
        return RoaringBitmap.FromSorted(array);
    }
}
