using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TagCenter.Core.Bitmaps;

/// <summary>Set operations on two sorted arrays of distinct values by a single merge.</summary>
internal static class SortedMerge
{
    // Branch-free merges: both cursors advance by comparison results, so random data costs no mispredictions.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ArrayContainer Intersect(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b)
    {
        var result = new ushort[Math.Max(1, Math.Min(a.Length, b.Length))];
        int i = 0, j = 0, n = 0;
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        ref var rr = ref MemoryMarshal.GetArrayDataReference(result);
        while (i < a.Length && j < b.Length)
        {
            var x = Unsafe.Add(ref ra, i);
            var y = Unsafe.Add(ref rb, j);
            Unsafe.Add(ref rr, n) = x;
            n += x == y ? 1 : 0;
            i += x <= y ? 1 : 0;
            j += y <= x ? 1 : 0;
        }
        return new ArrayContainer(result, n);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int IntersectCount(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b)
    {
        int i = 0, j = 0, n = 0;
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        while (i < a.Length && j < b.Length)
        {
            var x = Unsafe.Add(ref ra, i);
            var y = Unsafe.Add(ref rb, j);
            n += x == y ? 1 : 0;
            i += x <= y ? 1 : 0;
            j += y <= x ? 1 : 0;
        }
        return n;
    }

    public static ArrayContainer Union(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b) => Merge(a, b, keepCommon: true);

    public static ArrayContainer SymmetricDifference(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b) =>
        Merge(a, b, keepCommon: false);

    private static ArrayContainer Merge(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b, bool keepCommon)
    {
        var result = new ushort[Math.Max(1, a.Length + b.Length)];
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j])
                result[n++] = a[i++];
            else if (a[i] > b[j])
                result[n++] = b[j++];
            else
            {
                if (keepCommon)
                    result[n++] = a[i];
                i++;
                j++;
            }
        }
        while (i < a.Length)
            result[n++] = a[i++];
        while (j < b.Length)
            result[n++] = b[j++];
        return new ArrayContainer(result, n);
    }
}
