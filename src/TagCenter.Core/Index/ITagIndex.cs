using TagCenter.Core.Bitmaps;

namespace TagCenter.Core.Index;

/// <summary>How one tag is indexed: a bitmap per value, or a bit-sliced index over its integer encoding.</summary>
public enum IndexedAs
{
    Values,
    Range,
}

/// <summary>One indexed tag: its code, how it is indexed, and for a range the scale of its encoding.</summary>
public sealed record IndexedTag(string Code, IndexedAs Kind, IndexEncoding Encoding);

/// <summary>
/// The bitmap index of one tag run: persons are dense ordinals (stable across runs), each enum/bool tag has a
/// bitmap per value, each numeric/date tag a bit-sliced index. Read-only once built; safe to share between threads.
/// </summary>
public interface ITagIndex
{
    /// <summary>Every person the index holds.</summary>
    RoaringBitmap All { get; }

    /// <summary>The tag as indexed, or null when the index has nothing for it (the plan must scan).</summary>
    IndexedTag? Find(string tagCode);

    /// <summary>The distinct values of a value-indexed tag, in canonical text.</summary>
    IReadOnlyList<string> Values(string tagCode);

    RoaringBitmap Equal(string tagCode, string value);

    RoaringBitmap HasValue(string tagCode);

    RoaringBitmap Range(string tagCode, RangeOperator op, long value);

    /// <summary>The persons whose value passes both tests (a range with two ends, such as an age band): one pass over
    /// the slices where the index has them, instead of one per end.</summary>
    RoaringBitmap Range(string tagCode, RangeTest first, RangeTest second) =>
        RangeIndex(tagCode) is { } bsi
            ? bsi.Range([first, second])
            : RoaringBitmap.And(Range(tagCode, first.Operator, first.Value), Range(tagCode, second.Operator, second.Value));

    /// <summary>
    /// For a count, the persons of a range when the index keeps them (built for an earlier lookup, or asked for
    /// often enough to be worth building); null to have the count compare the range on <see cref="RangeIndex"/>.
    /// </summary>
    RoaringBitmap? KeptRange(string tagCode, RangeTest first, RangeTest? second) => null;

    /// <summary>Every indexed tag, in catalog order (portraits walk them).</summary>
    IReadOnlyList<IndexedTag> Tags => [];

    /// <summary>The bit-sliced index of a range-indexed tag, or null (portraits bucket numeric tags with it).</summary>
    BitSlicedIndex? RangeIndex(string tagCode) => null;

    /// <summary>
    /// The as-of its <see cref="ActivityColumns"/> are relative to (the tag run's), or null when it holds none; a rule
    /// counted at another as-of scans its behaviour.
    /// </summary>
    DateTime? ActivityAnchor => null;

    /// <summary>The as-of (its date) of the age column (<see cref="PlanBuilder.AgeCode"/>), or null when the index has none.</summary>
    DateTime? AgeAnchor => null;

    /// <summary>The activity columns (range-indexed, found by <see cref="Find"/> under <see cref="ActivityColumns.Code"/>).</summary>
    IReadOnlyList<IndexedTag> Activity => [];
}

/// <summary>
/// How a numeric or time value becomes the long a bit-sliced index holds: integers as they are, decimals times
/// 100 (tag values keep two digits), dates as days since 1970-01-01, timestamps as seconds since then.
/// </summary>
public enum IndexEncoding
{
    None,
    Integer,
    Cents,
    Days,
    Seconds,
}
