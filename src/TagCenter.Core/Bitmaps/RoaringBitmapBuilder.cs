using System.Numerics;
using System.Runtime.CompilerServices;

namespace TagCenter.Core.Bitmaps;

/// <summary>
/// Builds a bitmap from values that arrive in increasing order (an ordinal-sorted scan) without per-value container
/// work: the values of the current 16-bit key are set in one 8 KB word buffer, which becomes an array, bitset or
/// run container when the key changes. Much faster than <see cref="RoaringBitmap.Add"/> for millions of values.
/// </summary>
public sealed class RoaringBitmapBuilder
{
    private readonly List<ushort> _keys = [];
    private readonly List<Container> _containers = [];
    private readonly ulong[] _words = new ulong[Container.BitsetWords];
    private int _key = -1;
    private int _count;

    /// <summary>Adds <paramref name="value"/>; values must not decrease (a repeat is ignored).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(uint value)
    {
        var key = (int)(value >> 16);
        if (key != _key)
        {
            if (key < _key)
                throw new ArgumentException($"values must be added in increasing order: {value} after key {_key}");
            Flush();
            _key = key;
        }
        ref var word = ref _words[(value >> 6) & 1023];
        var bit = 1UL << (int)value;
        if ((word & bit) == 0)
        {
            word |= bit;
            _count++;
        }
    }

    /// <summary>
    /// Adds the set bits of a whole key's 1024 words at once (the words are copied); keys must increase.
    /// </summary>
    public void AddWords(ushort key, ReadOnlySpan<ulong> words)
    {
        if (key <= _key)
            throw new ArgumentException($"key {key} after key {_key}");
        Flush();
        var cardinality = BitsetOps.PopCount(words);
        if (cardinality == 0)
            return;
        _key = key;
        words.CopyTo(_words);
        _count = cardinality;
        Flush();
    }

    /// <summary>Takes over what <paramref name="next"/> holds, whose keys must all be above this builder's (the later
    /// part of a scan split between threads); <paramref name="next"/> is left empty. Returns this builder.</summary>
    public RoaringBitmapBuilder Append(RoaringBitmapBuilder next)
    {
        ArgumentNullException.ThrowIfNull(next);
        Flush();
        next.Flush();
        if (next._keys.Count == 0)
            return this;
        if (next._keys[0] <= _key)
            throw new ArgumentException($"key {next._keys[0]} after key {_key}");
        _keys.AddRange(next._keys);
        _containers.AddRange(next._containers);
        _key = next._keys[^1];
        next._keys.Clear();
        next._containers.Clear();
        next._key = -1;
        return this;
    }

    /// <summary>The bitmap of everything added, with each container in its smallest kind; the builder is reset.</summary>
    public RoaringBitmap Build()
    {
        Flush();
        var bitmap = new RoaringBitmap([.. _keys], [.. _containers], _keys.Count);
        _keys.Clear();
        _containers.Clear();
        _key = -1;
        return bitmap;
    }

    private void Flush()
    {
        if (_count == 0)
            return;
        _keys.Add((ushort)_key);
        _containers.Add(FromWords(_words, _count).Optimize());
        Array.Clear(_words);
        _count = 0;
    }

    /// <summary>A fresh array or bitset container holding the set bits of <paramref name="words"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static Container FromWords(ReadOnlySpan<ulong> words, int cardinality)
    {
        if (cardinality > Container.ArrayMaxCardinality)
            return new BitsetContainer(words.ToArray(), cardinality);
        var values = new ushort[cardinality];
        var n = 0;
        for (var i = 0; i < words.Length && n < cardinality; i++)
        {
            var w = words[i];
            while (w != 0)
            {
                values[n++] = (ushort)((i << 6) + BitOperations.TrailingZeroCount(w));
                w &= w - 1;
            }
        }
        return new ArrayContainer(values, n);
    }
}
