using System.Numerics;

namespace TagCenter.Core.Bitmaps;

/// <summary>65536 bits in 1024 words, for more than 4096 values.</summary>
internal sealed class BitsetContainer : Container
{
    public const int Size = BitsetWords * sizeof(ulong);

    private readonly ulong[] _words;
    private int _cardinality;

    public BitsetContainer(ulong[] words, int cardinality)
    {
        _words = words;
        _cardinality = cardinality;
    }

    public ReadOnlySpan<ulong> Words => _words;

    public override int Cardinality => _cardinality;

    public override int SerializedSize => Size;

    public override ushort Min
    {
        get
        {
            var i = 0;
            while (_words[i] == 0)
                i++;
            return (ushort)((i << 6) + BitOperations.TrailingZeroCount(_words[i]));
        }
    }

    public override ushort Max
    {
        get
        {
            var i = BitsetWords - 1;
            while (_words[i] == 0)
                i--;
            return (ushort)((i << 6) + 63 - BitOperations.LeadingZeroCount(_words[i]));
        }
    }

    public static BitsetContainer From(Container source)
    {
        var words = new ulong[BitsetWords];
        source.SetBits(words);
        return new BitsetContainer(words, source.Cardinality);
    }

    /// <summary>The container for these words: empty (null), an array, or this bitset when dense enough.</summary>
    public static Container? FromWords(ulong[] words, int cardinality)
    {
        if (cardinality == 0)
            return null;
        var bitset = new BitsetContainer(words, cardinality);
        return cardinality > ArrayMaxCardinality ? bitset : bitset.ToArray();
    }

    public override bool Contains(ushort value) => (_words[value >> 6] & (1UL << value)) != 0;

    public override Container Add(ushort value)
    {
        ref var word = ref _words[value >> 6];
        var bit = 1UL << value;
        if ((word & bit) == 0)
        {
            word |= bit;
            _cardinality++;
        }
        return this;
    }

    public override Container Remove(ushort value)
    {
        ref var word = ref _words[value >> 6];
        var bit = 1UL << value;
        if ((word & bit) == 0)
            return this;
        word &= ~bit;
        _cardinality--;
        return _cardinality <= ArrayMaxCardinality ? ToArray() : this;
    }

    public ArrayContainer ToArray()
    {
        var values = new ushort[Math.Max(_cardinality, 1)];
        var n = 0;
        for (var i = 0; i < BitsetWords; i++)
        {
            var w = _words[i];
            while (w != 0)
            {
                values[n++] = (ushort)((i << 6) + BitOperations.TrailingZeroCount(w));
                w &= w - 1;
            }
        }
        return new ArrayContainer(values, n);
    }

    public override void SetBits(Span<ulong> words) => BitsetOps.Or(words, _words, words);

    public override int NumberOfRuns()
    {
        // A run ends where a set bit is followed by a clear one, inside a word or across to the next word.
        var runs = 0;
        for (var i = 0; i < BitsetWords - 1; i++)
        {
            var w = _words[i];
            runs += BitOperations.PopCount(~w & (w << 1)) + (int)((w >> 63) & ~_words[i + 1] & 1);
        }
        var last = _words[BitsetWords - 1];
        return runs + BitOperations.PopCount(~last & (last << 1)) + (int)(last >> 63);
    }

    public override Container Clone() => new BitsetContainer((ulong[])_words.Clone(), _cardinality);

    public override IEnumerable<ushort> Values()
    {
        for (var i = 0; i < BitsetWords; i++)
        {
            var w = _words[i];
            while (w != 0)
            {
                yield return (ushort)((i << 6) + BitOperations.TrailingZeroCount(w));
                w &= w - 1;
            }
        }
    }

    /// <summary>Set bits in [start, end] (inclusive).</summary>
    public int CountRange(int start, int end) => BitsetOps.CountRange(_words, start, end);
}
