namespace TagCenter.Core.Bitmaps;

/// <summary>Set operations on two sorted arrays of distinct values by a single merge.</summary>
internal static class SortedMerge
{
    public static ArrayContainer Intersect(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b)
    {
        var result = new ushort[Math.Max(1, Math.Min(a.Length, b.Length))];
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j])
                i++;
            else if (a[i] > b[j])
                j++;
            else
            {
                result[n++] = a[i];
                i++;
                j++;
            }
        }
        return new ArrayContainer(result, n);
    }

    public static int IntersectCount(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b)
    {
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j])
                i++;
            else if (a[i] > b[j])
                j++;
            else
            {
                n++;
                i++;
                j++;
            }
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
