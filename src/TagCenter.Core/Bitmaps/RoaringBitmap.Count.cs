using System.Runtime.CompilerServices;
namespace TagCenter.Core.Bitmaps;

public sealed partial class RoaringBitmap
{
    /// <summary>
    /// |include₀ ∩ include₁ ∩ … − exclude₀ − exclude₁ …| in one pass per key and nothing allocated per key: the
    /// count of a conjunction of predicates (segment sizes as the user types) without building any intermediate.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long AndCardinality(ReadOnlySpan<RoaringBitmap> include, ReadOnlySpan<RoaringBitmap> exclude)
    {
        if (include.Length == 0)
            throw new ArgumentException("at least one bitmap to intersect", nameof(include));
        if (include.Length == 1 && exclude.Length == 0)
            return include[0].Cardinality;
        var words = new ulong[Container.BitsetWords];
        var scratch = new ulong[Container.BitsetWords];
        Span<int> includeAt = stackalloc int[include.Length];
        Span<int> excludeAt = stackalloc int[exclude.Length];
        var lead = include[0];
        long total = 0;
        for (var k = 0; k < lead._size; k++)
        {
            var key = lead._keys[k];
            var present = true;
            for (var i = 1; i < include.Length && present; i++)
                present = Seek(include[i], key, ref includeAt[i]);
            if (!present)
                continue;
            total += CountKey(lead._containers[k], key, include, includeAt, exclude, excludeAt, words, scratch);
        }
        return total;
    }

    /// <summary>Value lookups (values × operands) up to which a key's count probes the sparse operand's values.</summary>
    private const int ProbeUpTo = 1024;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long CountKey(Container first, ushort key, ReadOnlySpan<RoaringBitmap> include, Span<int> includeAt,
        ReadOnlySpan<RoaringBitmap> exclude, Span<int> excludeAt, ulong[] words, ulong[] scratch)
    {
        // A sparse operand: probe its few values in the others instead of touching 1024 words. A probe is a lookup per
        // value per operand, where the word pass is a vector pass per operand: it pays while the values are few.
        var smallest = first;
        for (var i = 1; i < include.Length; i++)
        {
            var c = include[i]._containers[includeAt[i]];
            if (c.Cardinality < smallest.Cardinality)
                smallest = c;
        }
        if (smallest is ArrayContainer array && array.Cardinality * (include.Length + exclude.Length) <= ProbeUpTo)
        {
            var n = 0;
            foreach (var v in array.Span)
            {
                var keep = first.Contains(v);
                for (var i = 1; i < include.Length && keep; i++)
                    keep = include[i]._containers[includeAt[i]].Contains(v);
                for (var i = 0; i < exclude.Length && keep; i++)
                    keep = !(Seek(exclude[i], key, ref excludeAt[i]) && exclude[i]._containers[excludeAt[i]].Contains(v));
                if (keep)
                    n++;
            }
            return n;
        }
        Load(first, words);
        for (var i = 1; i < include.Length; i++)
            BitsetOps.Apply<AndOp>(words, WordsOf(include[i]._containers[includeAt[i]], scratch), words);
        for (var i = 0; i < exclude.Length; i++)
            if (Seek(exclude[i], key, ref excludeAt[i]))
                BitsetOps.Apply<AndNotOp>(words, WordsOf(exclude[i]._containers[excludeAt[i]], scratch), words);
        return BitsetOps.PopCount(words);
    }

    // Moves the cursor to the first key ≥ key; true when it is key.
    internal static bool Seek(RoaringBitmap bitmap, ushort key, ref int at)
    {
        while (at < bitmap._size && bitmap._keys[at] < key)
            at++;
        return at < bitmap._size && bitmap._keys[at] == key;
    }

    /// <summary>Sets <paramref name="words"/> to the container's bits.</summary>
    internal static void Load(Container c, ulong[] words)
    {
        if (c is BitsetContainer bitset)
        {
            bitset.Words.CopyTo(words);
            return;
        }
        Array.Clear(words);
        c.SetBits(words);
    }

    /// <summary>The container's bits as words: a bitset's own, or set out in <paramref name="scratch"/>.</summary>
    internal static ReadOnlySpan<ulong> WordsOf(Container c, ulong[] scratch)
    {
        if (c is BitsetContainer bitset)
            return bitset.Words;
        Array.Clear(scratch);
        c.SetBits(scratch);
        return scratch;
    }
}
