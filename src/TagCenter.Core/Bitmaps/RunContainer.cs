namespace TagCenter.Core.Bitmaps;

/// <summary>Sorted, disjoint runs stored as (start, length − 1) pairs, as in the portable format.</summary>
internal sealed class RunContainer : Container
{
    private readonly ushort[] _runs;
    private readonly int _cardinality;

    /// <param name="runs">Interleaved start, length − 1; sorted and disjoint (the caller checks).</param>
    public RunContainer(ushort[] runs, int runCount)
    {
        _runs = runs;
        RunCount = runCount;
        for (var i = 0; i < runCount; i++)
            _cardinality += _runs[(2 * i) + 1] + 1;
    }

    public int RunCount { get; }

    public ReadOnlySpan<ushort> Runs => _runs.AsSpan(0, 2 * RunCount);

    public override int Cardinality => _cardinality;

    public override ushort Min => _runs[0];

    public override ushort Max => (ushort)(_runs[2 * (RunCount - 1)] + _runs[(2 * RunCount) - 1]);

    public override int SerializedSize => SizeFor(RunCount);

    public static int SizeFor(int runs) => 2 + (4 * runs);

    public static RunContainer FromContainer(Container source, int runCount)
    {
        var runs = new ushort[2 * runCount];
        var n = -1;
        var previous = -2;
        foreach (var v in source.Values())
        {
            if (v != previous + 1)
            {
                n++;
                runs[2 * n] = v;
                runs[(2 * n) + 1] = 0;
            }
            else
            {
                runs[(2 * n) + 1]++;
            }
            previous = v;
        }
        return new RunContainer(runs, n + 1);
    }

    public override bool Contains(ushort value)
    {
        var i = RunIndexAtOrBefore(value);
        return i >= 0 && value - _runs[2 * i] <= _runs[(2 * i) + 1];
    }

    // Runs change shape on every insert; a single change goes through array or bitset and RunOptimize restores runs.
    public override Container Add(ushort value) => Contains(value) ? this : FromBits(this).Add(value);

    public override Container Remove(ushort value) => Contains(value) ? FromBits(this).Remove(value) : this;

    public override void SetBits(Span<ulong> words)
    {
        for (var i = 0; i < RunCount; i++)
            BitsetOps.SetRange(words, _runs[2 * i], _runs[2 * i] + _runs[(2 * i) + 1]);
    }

    public override int NumberOfRuns() => RunCount;

    public override Container Clone() => new RunContainer(Runs.ToArray(), RunCount);

    public override IEnumerable<ushort> Values()
    {
        for (var i = 0; i < RunCount; i++)
        {
            int start = _runs[2 * i], end = start + _runs[(2 * i) + 1];
            for (var v = start; v <= end; v++)
                yield return (ushort)v;
        }
    }

    /// <summary>Values held by both this and <paramref name="other"/>, without building the intersection.</summary>
    public int CountIn(Container other)
    {
        var n = 0;
        switch (other)
        {
            case BitsetContainer bitset:
                for (var i = 0; i < RunCount; i++)
                    n += bitset.CountRange(_runs[2 * i], _runs[2 * i] + _runs[(2 * i) + 1]);
                return n;
            case RunContainer runs:
                int a = 0, b = 0;
                while (a < RunCount && b < runs.RunCount)
                {
                    int aStart = _runs[2 * a], aEnd = aStart + _runs[(2 * a) + 1];
                    int bStart = runs._runs[2 * b], bEnd = bStart + runs._runs[(2 * b) + 1];
                    var overlap = Math.Min(aEnd, bEnd) - Math.Max(aStart, bStart) + 1;
                    if (overlap > 0)
                        n += overlap;
                    if (aEnd < bEnd)
                        a++;
                    else
                        b++;
                }
                return n;
            default:
                return ((ArrayContainer)other).CountIn(this);
        }
    }

    private int RunIndexAtOrBefore(ushort value)
    {
        int lo = 0, hi = RunCount - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_runs[2 * mid] <= value)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return hi;
    }
}
