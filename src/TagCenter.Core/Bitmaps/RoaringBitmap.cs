using System.Collections;

namespace TagCenter.Core.Bitmaps;

/// <summary>
/// A compressed set of 32-bit unsigned integers (persons' dense ordinals) in the Roaring layout: the high 16 bits
/// pick a container, the low 16 bits live in an array, bitset or run container. Not thread-safe for writes.
/// </summary>
public sealed partial class RoaringBitmap : IEnumerable<uint>
{
    private ushort[] _keys;
    private Container[] _containers;
    private int _size;

    public RoaringBitmap() : this([], [], 0) { }

    internal RoaringBitmap(ushort[] keys, Container[] containers, int size)
    {
        _keys = keys;
        _containers = containers;
        _size = size;
    }

    public long Cardinality
    {
        get
        {
            long n = 0;
            for (var i = 0; i < _size; i++)
                n += _containers[i].Cardinality;
            return n;
        }
    }

    public bool IsEmpty => _size == 0;

    public uint Min => _size == 0 ? throw Empty() : Compose(_keys[0], _containers[0].Min);

    public uint Max => _size == 0 ? throw Empty() : Compose(_keys[_size - 1], _containers[_size - 1].Max);

    internal int ContainerCount => _size;

    internal ReadOnlySpan<ushort> Keys => _keys.AsSpan(0, _size);

    internal Container ContainerAt(int index) => _containers[index];

    /// <summary>A bitmap of <paramref name="sorted"/>, which must be strictly increasing.</summary>
    public static RoaringBitmap FromSorted(ReadOnlySpan<uint> sorted)
    {
        var keys = new List<ushort>();
        var containers = new List<Container>();
        var start = 0;
        while (start < sorted.Length)
        {
            var key = (ushort)(sorted[start] >> 16);
            var end = start + 1;
            while (end < sorted.Length && sorted[end] >> 16 == key)
                end++;
            keys.Add(key);
            containers.Add(Build(sorted[start..end], start == 0 ? null : sorted[start - 1]));
            start = end;
        }
        return new RoaringBitmap([.. keys], [.. containers], keys.Count);
    }

    /// <summary>A bitmap of start..end−1, one run container per key.</summary>
    public static RoaringBitmap FromRange(uint start, ulong endExclusive)
    {
        var bitmap = new RoaringBitmap();
        endExclusive = Math.Min(endExclusive, 1UL << 32);
        for (var from = (ulong)start; from < endExclusive;)
        {
            var key = (ushort)(from >> 16);
            var to = Math.Min(endExclusive, ((ulong)key + 1) << 16);
            var run = new ushort[] { (ushort)from, (ushort)(to - from - 1) };
            bitmap.Insert(bitmap._size, key, new RunContainer(run, 1));
            from = to;
        }
        return bitmap;
    }

    public bool Add(uint value)
    {
        var key = (ushort)(value >> 16);
        var i = Keys.BinarySearch(key);
        if (i >= 0)
        {
            var c = _containers[i];
            var before = c.Cardinality;
            _containers[i] = c.Add((ushort)value);
            return _containers[i].Cardinality != before;
        }
        Insert(~i, key, new ArrayContainer().Add((ushort)value));
        return true;
    }

    public bool Remove(uint value)
    {
        var i = Keys.BinarySearch((ushort)(value >> 16));
        if (i < 0)
            return false;
        var c = _containers[i];
        var before = c.Cardinality;
        c = c.Remove((ushort)value);
        if (c.Cardinality == 0)
            RemoveAt(i);
        else
            _containers[i] = c;
        return c.Cardinality != before;
    }

    public bool Contains(uint value)
    {
        var i = Keys.BinarySearch((ushort)(value >> 16));
        return i >= 0 && _containers[i].Contains((ushort)value);
    }

    /// <summary>Turns each container into the smallest of array, bitset and run; true when any changed.</summary>
    public bool RunOptimize()
    {
        var changed = false;
        for (var i = 0; i < _size; i++)
        {
            var c = _containers[i].Optimize();
            changed |= !ReferenceEquals(c, _containers[i]);
            _containers[i] = c;
        }
        return changed;
    }

    public RoaringBitmap Clone()
    {
        var containers = new Container[_size];
        for (var i = 0; i < _size; i++)
            containers[i] = _containers[i].Clone();
        return new RoaringBitmap(Keys.ToArray(), containers, _size);
    }

    public IEnumerator<uint> GetEnumerator()
    {
        for (var i = 0; i < _size; i++)
        {
            var high = (uint)_keys[i] << 16;
            foreach (var low in _containers[i].Values())
                yield return high | low;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static Container Build(ReadOnlySpan<uint> values, uint? previous)
    {
        if (previous is { } p && p >= values[0])
            throw new ArgumentException($"values are not strictly increasing at {values[0]}");
        Container c = values.Length <= Container.ArrayMaxCardinality
            ? new ArrayContainer(new ushort[values.Length], 0)
            : new BitsetContainer(new ulong[Container.BitsetWords], 0);
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0 && values[i] <= values[i - 1])
                throw new ArgumentException($"values are not strictly increasing at {values[i]}");
            c = c.Add((ushort)values[i]);
        }
        return c;
    }

    private void Insert(int index, ushort key, Container container)
    {
        if (_size == _keys.Length)
        {
            var capacity = Math.Max(4, _size * 2);
            Array.Resize(ref _keys, capacity);
            Array.Resize(ref _containers, capacity);
        }
        Array.Copy(_keys, index, _keys, index + 1, _size - index);
        Array.Copy(_containers, index, _containers, index + 1, _size - index);
        _keys[index] = key;
        _containers[index] = container;
        _size++;
    }

    private void RemoveAt(int index)
    {
        Array.Copy(_keys, index + 1, _keys, index, _size - index - 1);
        Array.Copy(_containers, index + 1, _containers, index, _size - index - 1);
        _size--;
        _containers[_size] = null!;
    }

    private static uint Compose(ushort high, ushort low) => ((uint)high << 16) | low;

    private static InvalidOperationException Empty() => new("the bitmap is empty");
}
