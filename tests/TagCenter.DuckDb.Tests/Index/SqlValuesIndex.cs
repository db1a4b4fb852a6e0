using TagCenter.Core.Bitmaps;
using TagCenter.Core.Index;

namespace TagCenter.DuckDb.Tests.Index;

/// <summary>
/// A naive <see cref="ITagIndex"/> over values DuckDB computed: value-indexed tags hold <c>CAST(x AS VARCHAR)</c>,
/// range-indexed ones the integer encoding computed in SQL. Every lookup is a loop.
/// </summary>
internal sealed class SqlValuesIndex(int persons, IReadOnlyDictionary<string, (IndexedTag Tag, object?[] Values)> tags) : ITagIndex
{
    public RoaringBitmap All { get; } = RoaringBitmap.FromRange(0, (ulong)persons);

    public IndexedTag? Find(string tagCode) => tags.TryGetValue(tagCode, out var t) ? t.Tag : null;

    public IReadOnlyList<string> Values(string tagCode) => tags[tagCode].Values.OfType<string>().Distinct().ToList();

    public RoaringBitmap Equal(string tagCode, string value) => Where(tagCode, v => (string)v == value);

    public RoaringBitmap HasValue(string tagCode) => Where(tagCode, _ => true);

    public RoaringBitmap Range(string tagCode, RangeOperator op, long value) => Where(tagCode, v => op switch
    {
        RangeOperator.Equal => (long)v == value,
        RangeOperator.NotEqual => (long)v != value,
        RangeOperator.Less => (long)v < value,
        RangeOperator.LessOrEqual => (long)v <= value,
        RangeOperator.Greater => (long)v > value,
        _ => (long)v >= value,
    });

    private RoaringBitmap Where(string tagCode, Func<object, bool> test)
    {
        var result = new RoaringBitmap();
        var values = tags[tagCode].Values;
        for (var p = 0; p < values.Length; p++)
            if (values[p] is { } v && test(v))
                result.Add((uint)p);
        return result;
    }
}
