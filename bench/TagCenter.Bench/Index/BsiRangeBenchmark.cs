using System.Diagnostics;
using TagCenter.Core.Bitmaps;
using TagCenter.Core.Index;

namespace TagCenter.Bench.Index;

/// <summary>
/// A range with two ends on a bit-sliced index (<c>age between a and b</c> is a birthday between two days), the
/// comparison a fresh count spends its time in: the way it was (each end a pass over the slices, then AND), both ends
/// in one pass, and that pass split between two threads — alternating in the same run, over the same
/// <c>--persons</c> (10M) birthdays (1950–2010, a fifth null), each with constants no earlier round used.
/// </summary>
internal static class BsiRangeBenchmark
{
    public static int Run(BenchArgs args)
    {
        var persons = args.Int("persons", 10_000_000);
        var rounds = args.Int("rounds", 30);
        var random = new Random(11);
        var builder = new BitSlicedIndexBuilder(-7305, 14_610);
        for (var i = 0u; i < persons; i++)
            if (random.NextDouble() >= 0.2)
                builder.Add(i, random.Next(-7305, 14_611));
        var bsi = builder.Build();
        Console.WriteLine($"bsi-range: {persons:N0} persons, {bsi.Bits} slices, {bsi.NotNull.Cardinality:N0} with a value; median of {rounds} rounds, new constants each; {Environment.ProcessorCount} cores");
        var ways = new (string Name, Func<long, long, RoaringBitmap> Run)[]
        {
            ("each end a pass, AND (before)", (lo, hi) => RoaringBitmap.And(
                bsi.Range([new RangeTest(RangeOperator.GreaterOrEqual, lo)], parallel: false),
                bsi.Range([new RangeTest(RangeOperator.LessOrEqual, hi)], parallel: false))),
            ("both ends in one pass", (lo, hi) => bsi.Range([new RangeTest(RangeOperator.GreaterOrEqual, lo), new RangeTest(RangeOperator.LessOrEqual, hi)], parallel: false)),
            ("one pass, two threads", (lo, hi) => bsi.Range([new RangeTest(RangeOperator.GreaterOrEqual, lo), new RangeTest(RangeOperator.LessOrEqual, hi)])),
        };
        var times = ways.Select(_ => new List<double>()).ToArray();
        for (var round = -3; round < rounds; round++) // three warm-up rounds
        {
            var lo = 3_000 + round * 97;
            var hi = lo + 3_650 + round;
            long? size = null;
            for (var w = 0; w < ways.Length; w++)
            {
                var clock = Stopwatch.StartNew();
                var result = ways[w].Run(lo, hi);
                var ms = clock.Elapsed.TotalMilliseconds;
                if (size is { } known && result.Cardinality != known)
                    throw new InvalidOperationException($"{ways[w].Name}: {result.Cardinality} persons, the first way found {known}");
                size = result.Cardinality;
                if (round >= 0)
                    times[w].Add(ms);
            }
        }
        var baseline = Median(times[0]);
        for (var w = 0; w < ways.Length; w++)
            Console.WriteLine($"  {ways[w].Name,-32} p50 {Median(times[w]),7:0.00} ms  max {times[w].Max(),7:0.00} ms  {Median(times[w]) / baseline:0.00}× the first");
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
