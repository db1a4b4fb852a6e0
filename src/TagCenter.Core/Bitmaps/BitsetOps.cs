using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TagCenter.Core.Bitmaps;

/// <summary>Word-level kernels on bitset containers: 256- or 128-bit vectors where the CPU has them, scalar otherwise.</summary>
internal static class BitsetOps
{
    public static void Apply<TOp>(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> destination)
        where TOp : struct, IWordOp
    {
        var n = destination.Length;
        if (a.Length < n || b.Length < n)
            throw new ArgumentException("operands are shorter than the destination");
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        ref var rd = ref MemoryMarshal.GetReference(destination);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<ulong>.Count; i += Vector256<ulong>.Count)
                TOp.Apply(Vector256.LoadUnsafe(ref ra, (nuint)i), Vector256.LoadUnsafe(ref rb, (nuint)i))
                    .StoreUnsafe(ref rd, (nuint)i);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= n - Vector128<ulong>.Count; i += Vector128<ulong>.Count)
                TOp.Apply(Vector128.LoadUnsafe(ref ra, (nuint)i), Vector128.LoadUnsafe(ref rb, (nuint)i))
                    .StoreUnsafe(ref rd, (nuint)i);
        }
        for (; i < n; i++)
            destination[i] = TOp.Apply(a[i], b[i]);
    }

    public static void Or(Span<ulong> destination, ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b) =>
        Apply<OrOp>(a, b, destination);

    public static int PopCount(ReadOnlySpan<ulong> words)
    {
        int c0 = 0, c1 = 0, c2 = 0, c3 = 0, i = 0;
        for (; i <= words.Length - 4; i += 4)
        {
            c0 += BitOperations.PopCount(words[i]);
            c1 += BitOperations.PopCount(words[i + 1]);
            c2 += BitOperations.PopCount(words[i + 2]);
            c3 += BitOperations.PopCount(words[i + 3]);
        }
        for (; i < words.Length; i++)
            c0 += BitOperations.PopCount(words[i]);
        return c0 + c1 + c2 + c3;
    }

    /// <summary>Bits set in both, without writing the intersection anywhere.</summary>
    public static int AndCount(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var n = Math.Min(a.Length, b.Length);
        int c0 = 0, c1 = 0, c2 = 0, c3 = 0, i = 0;
        for (; i <= n - 4; i += 4)
        {
            c0 += BitOperations.PopCount(a[i] & b[i]);
            c1 += BitOperations.PopCount(a[i + 1] & b[i + 1]);
            c2 += BitOperations.PopCount(a[i + 2] & b[i + 2]);
            c3 += BitOperations.PopCount(a[i + 3] & b[i + 3]);
        }
        for (; i < n; i++)
            c0 += BitOperations.PopCount(a[i] & b[i]);
        return c0 + c1 + c2 + c3;
    }

    /// <summary>Sets bits start..end (inclusive).</summary>
    public static void SetRange(Span<ulong> words, int start, int end)
    {
        int first = start >> 6, last = end >> 6;
        var headMask = ~0UL << start;
        var tailMask = ~0UL >> (63 - (end & 63));
        if (first == last)
        {
            words[first] |= headMask & tailMask;
            return;
        }
        words[first] |= headMask;
        words.Slice(first + 1, last - first - 1).Fill(~0UL);
        words[last] |= tailMask;
    }

    /// <summary>Set bits in start..end (inclusive).</summary>
    public static int CountRange(ReadOnlySpan<ulong> words, int start, int end)
    {
        int first = start >> 6, last = end >> 6;
        var headMask = ~0UL << start;
        var tailMask = ~0UL >> (63 - (end & 63));
        if (first == last)
            return BitOperations.PopCount(words[first] & headMask & tailMask);
        return BitOperations.PopCount(words[first] & headMask)
            + PopCount(words.Slice(first + 1, last - first - 1))
            + BitOperations.PopCount(words[last] & tailMask);
    }
}
