using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TagCenter.Core.Bitmaps;

/// <summary>Word-level kernels on bitset containers: 256- or 128-bit vectors where the CPU has them, scalar otherwise.</summary>
internal static class BitsetOps
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    // Hardware popcount (POPCNT on x64) over four independent sums, without bounds checks: two loads per
    // cycle are the limit, not the counting.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int PopCount(ReadOnlySpan<ulong> words)
    {
        ref var r = ref MemoryMarshal.GetReference(words);
        int c0 = 0, c1 = 0, c2 = 0, c3 = 0, i = 0, n = words.Length;
        for (; i <= n - 4; i += 4)
        {
            c0 += BitOperations.PopCount(Unsafe.Add(ref r, i));
            c1 += BitOperations.PopCount(Unsafe.Add(ref r, i + 1));
            c2 += BitOperations.PopCount(Unsafe.Add(ref r, i + 2));
            c3 += BitOperations.PopCount(Unsafe.Add(ref r, i + 3));
        }
        for (; i < n; i++)
            c0 += BitOperations.PopCount(Unsafe.Add(ref r, i));
        return c0 + c1 + c2 + c3;
    }

    /// <summary>Bits set in both, without writing the intersection anywhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int AndCount(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var n = Math.Min(a.Length, b.Length);
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        int c0 = 0, c1 = 0, c2 = 0, c3 = 0, i = 0;
        for (; i <= n - 4; i += 4)
        {
            c0 += BitOperations.PopCount(Unsafe.Add(ref ra, i) & Unsafe.Add(ref rb, i));
            c1 += BitOperations.PopCount(Unsafe.Add(ref ra, i + 1) & Unsafe.Add(ref rb, i + 1));
            c2 += BitOperations.PopCount(Unsafe.Add(ref ra, i + 2) & Unsafe.Add(ref rb, i + 2));
            c3 += BitOperations.PopCount(Unsafe.Add(ref ra, i + 3) & Unsafe.Add(ref rb, i + 3));
        }
        for (; i < n; i++)
            c0 += BitOperations.PopCount(Unsafe.Add(ref ra, i) & Unsafe.Add(ref rb, i));
        return c0 + c1 + c2 + c3;
    }

    /// <summary>Writes a op b into <paramref name="destination"/> and returns its set bits, in one pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int ApplyCount<TOp>(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> destination)
        where TOp : struct, IWordOp
    {
        var n = destination.Length;
        if (a.Length < n || b.Length < n)
            throw new ArgumentException("operands are shorter than the destination");
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        ref var rd = ref MemoryMarshal.GetReference(destination);
        int c0 = 0, c1 = 0, c2 = 0, c3 = 0, i = 0;
        for (; i <= n - 4; i += 4)
        {
            var w0 = TOp.Apply(Unsafe.Add(ref ra, i), Unsafe.Add(ref rb, i));
            var w1 = TOp.Apply(Unsafe.Add(ref ra, i + 1), Unsafe.Add(ref rb, i + 1));
            var w2 = TOp.Apply(Unsafe.Add(ref ra, i + 2), Unsafe.Add(ref rb, i + 2));
            var w3 = TOp.Apply(Unsafe.Add(ref ra, i + 3), Unsafe.Add(ref rb, i + 3));
            Unsafe.Add(ref rd, i) = w0;
            Unsafe.Add(ref rd, i + 1) = w1;
            Unsafe.Add(ref rd, i + 2) = w2;
            Unsafe.Add(ref rd, i + 3) = w3;
            c0 += BitOperations.PopCount(w0);
            c1 += BitOperations.PopCount(w1);
            c2 += BitOperations.PopCount(w2);
            c3 += BitOperations.PopCount(w3);
        }
        for (; i < n; i++)
        {
            var w = TOp.Apply(Unsafe.Add(ref ra, i), Unsafe.Add(ref rb, i));
            Unsafe.Add(ref rd, i) = w;
            c0 += BitOperations.PopCount(w);
        }
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
