namespace TagCenter.Core.Bitmaps;

/// <summary>AND and OR of two run containers interval by interval, never touching single values.</summary>
internal static class RunMerge
{
    public static Container? Intersect(RunContainer a, RunContainer b)
    {
        var x = a.Runs;
        var y = b.Runs;
        var runs = new ushort[2 * (a.RunCount + b.RunCount)];
        int i = 0, j = 0, n = 0;
        while (i < a.RunCount && j < b.RunCount)
        {
            int aStart = x[2 * i], aEnd = aStart + x[(2 * i) + 1];
            int bStart = y[2 * j], bEnd = bStart + y[(2 * j) + 1];
            int start = Math.Max(aStart, bStart), end = Math.Min(aEnd, bEnd);
            if (start <= end)
            {
                runs[2 * n] = (ushort)start;
                runs[(2 * n) + 1] = (ushort)(end - start);
                n++;
            }
            if (aEnd < bEnd)
                i++;
            else
                j++;
        }
        return n == 0 ? null : new RunContainer(runs, n).Optimize();
    }

    public static Container Union(RunContainer a, RunContainer b)
    {
        var x = a.Runs;
        var y = b.Runs;
        var runs = new ushort[2 * (a.RunCount + b.RunCount)];
        int i = 0, j = 0, n = 0, start = -1, end = -2;
        while (i < a.RunCount || j < b.RunCount)
        {
            int nextStart, nextEnd;
            if (j >= b.RunCount || (i < a.RunCount && x[2 * i] <= y[2 * j]))
            {
                nextStart = x[2 * i];
                nextEnd = nextStart + x[(2 * i) + 1];
                i++;
            }
            else
            {
                nextStart = y[2 * j];
                nextEnd = nextStart + y[(2 * j) + 1];
                j++;
            }
            if (nextStart <= end + 1)
            {
                end = Math.Max(end, nextEnd);
                continue;
            }
            if (start >= 0)
                Emit(runs, ref n, start, end);
            (start, end) = (nextStart, nextEnd);
        }
        Emit(runs, ref n, start, end);
        return new RunContainer(runs, n).Optimize();
    }

    private static void Emit(ushort[] runs, ref int n, int start, int end)
    {
        runs[2 * n] = (ushort)start;
        runs[(2 * n) + 1] = (ushort)(end - start);
        n++;
    }
}
