using System.Numerics;
using TagCenter.Core.Bitmaps;

namespace TagCenter.Core.Index;

/// <summary>
/// A bit-sliced index (O'Neil &amp; Quass) of one numeric, date or timestamp tag: every value is stored as
/// <c>value − Base</c> (so negatives need no sign bit), bit <c>i</c> of that offset for every person is slice
/// <c>i</c>, and <see cref="NotNull"/> holds the persons with a value. A comparison with a constant walks the
/// slices once from the top bit down, so <c>累计消费金额 &gt; 3000</c> costs a few passes over bitmaps, never a scan.
/// </summary>
public sealed class BitSlicedIndex
{
    private readonly RoaringBitmap[] _slices;

    // Per slice, per container: the words of a container that is not a bitset, set out once when a comparison first
    // reads it (filled lazily: a patched index is built per patch and may never be compared).
    private readonly ulong[]?[][] _words;

    public BitSlicedIndex(long @base, RoaringBitmap notNull, IReadOnlyList<RoaringBitmap> slices)
    {
        if (slices.Count is < 1 or > 64)
            throw new ArgumentException("a bit-sliced index has 1 to 64 slices", nameof(slices));
        Base = @base;
        NotNull = notNull;
        _slices = [.. slices];
        _words = [.. _slices.Select(slice => new ulong[]?[slice.ContainerCount])];
    }

    /// <summary>The smallest value the index can hold: slice bits encode <c>value − Base</c>.</summary>
    public long Base { get; }

    public RoaringBitmap NotNull { get; }

    public IReadOnlyList<RoaringBitmap> Slices => _slices;

    public int Bits => _slices.Length;

    /// <summary>The largest offset the slices can hold (2^Bits − 1).</summary>
    public ulong MaxOffset => Bits == 64 ? ulong.MaxValue : (1UL << Bits) - 1;

    /// <summary>The persons whose value compares to <paramref name="value"/> as <paramref name="op"/> says (nulls never match).</summary>
    public RoaringBitmap Range(RangeOperator op, long value) => Range([new RangeTest(op, value)]);

    /// <summary>The persons whose value passes every test (nulls never match): the two ends of a range are one pass
    /// over the slices.</summary>
    public RoaringBitmap Range(ReadOnlySpan<RangeTest> tests) => Range(tests, parallel: true);

    /// <summary>As <see cref="Range(ReadOnlySpan{RangeTest})"/>; <paramref name="parallel"/> false keeps it on the caller's thread (benchmarks' baseline).</summary>
    internal RoaringBitmap Range(ReadOnlySpan<RangeTest> tests, bool parallel) => Passes(tests) switch
    {
        null => new RoaringBitmap(),
        [] => NotNull.Clone(),
        var passes => BsiRange.Compare(NotNull, _slices, _words, passes, parallel),
    };

    /// <summary>
    /// The comparisons <paramref name="tests"/> leave once a constant outside the slices' span is settled (it is true of
    /// every value or of none, and needs no pass): null when no value passes, empty when every value does.
    /// </summary>
    internal (RangeOperator Op, ulong Offset)[]? Passes(ReadOnlySpan<RangeTest> tests)
    {
        var passes = new List<(RangeOperator, ulong)>(tests.Length);
        foreach (var (op, value) in tests)
        {
            var below = value < Base;
            var offset = unchecked((ulong)value - (ulong)Base);
            if (below || offset > MaxOffset)
            {
                var allPass = below
                    ? op is RangeOperator.Greater or RangeOperator.GreaterOrEqual or RangeOperator.NotEqual
                    : op is RangeOperator.Less or RangeOperator.LessOrEqual or RangeOperator.NotEqual;
                if (!allPass)
                    return null;
                continue;
            }
            passes.Add((op, offset));
        }
        return [.. passes];
    }

    /// <summary>A comparer of <paramref name="passes"/> (from <see cref="Passes"/>) key by key, for one thread.</summary>
    internal BsiRange.KeyComparer Comparer((RangeOperator Op, ulong Offset)[] passes) => new(_slices, _words, passes);

    /// <summary>The value of rank <paramref name="rank"/> (0 = smallest) among the persons with a value.</summary>
    public long ValueAtRank(long rank) => ValueAtRank(rank, NotNull);

    /// <summary>The value of rank <paramref name="rank"/> (0 = smallest) among the persons of <paramref name="among"/> with a value.</summary>
    public long ValueAtRank(long rank, RoaringBitmap among)
    {
        var candidates = RoaringBitmap.And(among, NotNull);
        if (rank < 0 || rank >= candidates.Cardinality)
            throw new ArgumentOutOfRangeException(nameof(rank), rank, "outside the persons with a value");
        ulong offset = 0;
        for (var i = Bits - 1; i >= 0; i--)
        {
            var zeros = RoaringBitmap.AndNot(candidates, _slices[i]);
            var count = zeros.Cardinality;
            if (rank < count)
                candidates = zeros;
            else
            {
                rank -= count;
                candidates = RoaringBitmap.And(candidates, _slices[i]);
                offset |= 1UL << i;
            }
        }
        return unchecked((long)((ulong)Base + offset));
    }

    /// <summary>An index of <paramref name="values"/> for the persons <paramref name="ordinals"/> (increasing).</summary>
    public static BitSlicedIndex Build(ReadOnlySpan<uint> ordinals, ReadOnlySpan<long> values)
    {
        if (ordinals.Length != values.Length)
            throw new ArgumentException("one value per ordinal");
        long min = 0, max = 0;
        for (var i = 0; i < values.Length; i++)
        {
            min = i == 0 ? values[i] : Math.Min(min, values[i]);
            max = i == 0 ? values[i] : Math.Max(max, values[i]);
        }
        var builder = new BitSlicedIndexBuilder(min, max);
        for (var i = 0; i < ordinals.Length; i++)
            builder.Add(ordinals[i], values[i]);
        return builder.Build();
    }

    /// <summary>How many slices values between <paramref name="min"/> and <paramref name="max"/> need (at least 1).</summary>
    public static int BitsFor(long min, long max)
    {
        var span = unchecked((ulong)max - (ulong)min);
        return Math.Max(1, 64 - BitOperations.LeadingZeroCount(span));
    }
}

/// <summary>
/// Builds a <see cref="BitSlicedIndex"/> from an ordinal-sorted scan, given the minimum and maximum up front (one
/// SQL aggregate) so every slice is streamed into its own <see cref="RoaringBitmapBuilder"/>.
/// </summary>
public sealed class BitSlicedIndexBuilder
{
    private readonly long _min;
    private readonly long _max;
    private readonly RoaringBitmapBuilder _notNull = new();
    private readonly RoaringBitmapBuilder[] _slices;

    public BitSlicedIndexBuilder(long min, long max)
    {
        if (max < min)
            throw new ArgumentException("max is below min");
        _min = min;
        _max = max;
        _slices = new RoaringBitmapBuilder[BitSlicedIndex.BitsFor(min, max)];
        for (var i = 0; i < _slices.Length; i++)
            _slices[i] = new RoaringBitmapBuilder();
    }

    /// <summary>Adds one person's value; ordinals must increase.</summary>
    public void Add(uint ordinal, long value)
    {
        if (value < _min || value > _max)
            throw new ArgumentOutOfRangeException(nameof(value), value, $"outside the declared {_min}..{_max}");
        _notNull.Add(ordinal);
        var offset = unchecked((ulong)value - (ulong)_min);
        while (offset != 0)
        {
            var bit = BitOperations.TrailingZeroCount(offset);
            _slices[bit].Add(ordinal);
            offset &= offset - 1;
        }
    }

    public BitSlicedIndex Build() => new(_min, _notNull.Build(), [.. _slices.Select(s => s.Build())]);
}
