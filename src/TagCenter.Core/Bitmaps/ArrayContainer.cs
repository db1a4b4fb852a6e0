using System.Numerics;
using System.Runtime.CompilerServices;

namespace TagCenter.Core.Bitmaps;

/// <summary>Up to 4096 sorted distinct values.</summary>
internal sealed class ArrayContainer : Container
{
    private ushort[] _values;
    private int _count;

    public ArrayContainer() : this(new ushort[4], 0) { }

    public ArrayContainer(ushort[] values, int count)
    {
        _values = values;
        _count = count;
    }

    public ReadOnlySpan<ushort> Span => _values.AsSpan(0, _count);

    public override int Cardinality => _count;

    public override ushort Min => _values[0];

    public override ushort Max => _values[_count - 1];

    public override int SerializedSize => SizeFor(_count);

    public static int SizeFor(int cardinality) => 2 * cardinality;

    public static ArrayContainer FromValues(IEnumerable<ushort> values, int count)
    {
        var array = new ushort[Math.Max(count, 1)];
        var n = 0;
        foreach (var v in values)
            array[n++] = v;
        return new ArrayContainer(array, n);
    }

    /// <summary>The values set in both word arrays; <paramref name="cardinality"/> is their known count.</summary>
    public static ArrayContainer FromAnd(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, int cardinality)
    {
        var values = new ushort[cardinality];
        var n = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var w = a[i] & b[i];
            while (w != 0)
            {
                values[n++] = (ushort)((i << 6) + BitOperations.TrailingZeroCount(w));
                w &= w - 1;
            }
        }
        return new ArrayContainer(values, n);
    }

    public override bool Contains(ushort value) => Span.BinarySearch(value) >= 0;

    public override Container Add(ushort value)
    {
        var i = Span.BinarySearch(value);
        if (i >= 0)
            return this;
        if (_count == ArrayMaxCardinality)
            return BitsetContainer.From(this).Add(value);
        i = ~i;
        if (_count == _values.Length)
            Array.Resize(ref _values, Math.Min(ArrayMaxCardinality, Math.Max(4, _count * 2)));
        Array.Copy(_values, i, _values, i + 1, _count - i);
        _values[i] = value;
        _count++;
        return this;
    }

    public override Container Remove(ushort value)
    {
        var i = Span.BinarySearch(value);
        if (i < 0)
            return this;
        Array.Copy(_values, i + 1, _values, i, _count - i - 1);
        _count--;
        return this;
    }

    public override void SetBits(Span<ulong> words)
    {
        foreach (var v in Span)
            words[v >> 6] |= 1UL << v;
    }

    public override int NumberOfRuns()
    {
        var span = Span;
        if (span.Length == 0)
            return 0;
        var runs = 1;
        for (var i = 1; i < span.Length; i++)
            if (span[i] != span[i - 1] + 1)
                runs++;
        return runs;
    }

    public override Container Clone() => new ArrayContainer(Span.ToArray(), _count);

    public override IEnumerable<ushort> Values()
    {
        for (var i = 0; i < _count; i++)
            yield return _values[i];
    }

    /// <summary>The values of this array that <paramref name="other"/> holds (<paramref name="keep"/>) or lacks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ArrayContainer Filter(Container other, bool keep)
    {
        var result = new ushort[Math.Max(_count, 1)];
        var n = 0;
        if (other is BitsetContainer bitset)
        {
            // Branch-free probe of the words: write every value, advance when it belongs.
            var words = bitset.Words;
            var want = keep ? 1UL : 0UL;
            foreach (var v in Span)
            {
                result[n] = v;
                n += (int)(((words[v >> 6] >> v) & 1) ^ want ^ 1);
            }
            return new ArrayContainer(result, n);
        }
        foreach (var v in Span)
            if (other.Contains(v) == keep)
                result[n++] = v;
        return new ArrayContainer(result, n);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int CountIn(Container other)
    {
        var n = 0;
        if (other is BitsetContainer bitset)
        {
            var words = bitset.Words;
            foreach (var v in Span)
                n += (int)((words[v >> 6] >> v) & 1);
            return n;
        }
        foreach (var v in Span)
            if (other.Contains(v))
                n++;
        return n;
    }
}
