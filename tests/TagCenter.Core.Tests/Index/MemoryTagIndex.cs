using System.Globalization;
using TagCenter.Core.Bitmaps;
using TagCenter.Core.Index;
using TagCenter.Core.Tags;

namespace TagCenter.Core.Tests.Index;

/// <summary>
/// A naive <see cref="ITagIndex"/> for tests: each lookup loops over the persons' values, with its own canonical text
/// and encodings (written here independently of the plan builder's). Columns whose code starts with '@' are the
/// activity columns, anchored at <paramref name="activityAnchor"/>.
/// </summary>
internal sealed class MemoryTagIndex(
    int persons,
    IReadOnlyDictionary<string, (IndexedTag Tag, TagValueType Type, object?[] Values)> tags,
    DateTime? activityAnchor = null,
    DateTime? ageAnchor = null) : ITagIndex
{
    private static readonly DateTime Epoch = new(1970, 1, 1);

    public RoaringBitmap All { get; } = RoaringBitmap.FromRange(0, (ulong)persons);

    public DateTime? ActivityAnchor => activityAnchor;

    public DateTime? AgeAnchor => ageAnchor;

    public IReadOnlyList<IndexedTag> Activity => [.. tags.Values.Select(t => t.Tag).Where(t => t.Code.StartsWith('@'))];

    public IndexedTag? Find(string tagCode) => tags.TryGetValue(tagCode, out var t) ? t.Tag : null;

    public IReadOnlyList<string> Values(string tagCode) =>
        tags[tagCode].Values.Where(v => v is not null).Select(v => Text(tagCode, v!)).Distinct().Order(StringComparer.Ordinal).ToList();

    public RoaringBitmap Equal(string tagCode, string value) => Where(tagCode, v => Text(tagCode, v) == value);

    public RoaringBitmap HasValue(string tagCode) => Where(tagCode, _ => true);

    public RoaringBitmap Range(string tagCode, RangeOperator op, long value) => Where(tagCode, v =>
    {
        var x = Encoded(tags[tagCode].Tag.Encoding, v);
        return op switch
        {
            RangeOperator.Equal => x == value,
            RangeOperator.NotEqual => x != value,
            RangeOperator.Less => x < value,
            RangeOperator.LessOrEqual => x <= value,
            RangeOperator.Greater => x > value,
            _ => x >= value,
        };
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

    private string Text(string tagCode, object value) => value switch
    {
        bool b => b ? "true" : "false",
        decimal d when tags[tagCode].Type == TagValueType.Int => d.ToString("0", CultureInfo.InvariantCulture),
        _ => (string)value,
    };

    private static long Encoded(IndexEncoding encoding, object value) => encoding switch
    {
        IndexEncoding.Cents => (long)((decimal)value * 100),
        IndexEncoding.Days => (long)((DateTime)value - Epoch).TotalDays,
        IndexEncoding.Seconds => (long)((DateTime)value - Epoch).TotalSeconds,
        _ => (long)(decimal)value,
    };
}
