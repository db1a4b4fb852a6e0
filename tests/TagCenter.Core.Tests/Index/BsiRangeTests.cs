using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using TagCenter.Core.Bitmaps;
using TagCenter.Core.Index;

namespace TagCenter.Core.Tests.Index;

/// <summary>Bit-sliced index comparisons against a plain scan of the same values (negatives, nulls, every operator, boundaries).</summary>
public sealed class BsiRangeTests
{
    private static readonly RangeOperator[] Operators = Enum.GetValues<RangeOperator>();

    /// <summary>Persons and values drawn from a seed: a sparse, a dense and a run-shaped stretch of ordinals.</summary>
    public sealed record Data(int Seed, int Persons, long Low, long High, double NullShare)
    {
        public SortedDictionary<uint, long?> Values()
        {
            var random = new Random(Seed);
            var values = new SortedDictionary<uint, long?>();
            uint ordinal = (uint)random.Next(0, 70_000);
            for (var i = 0; i < Persons; i++)
            {
                // Mostly consecutive ordinals (bitsets, runs), sometimes a jump into another 16-bit key.
                ordinal += random.NextDouble() < 0.02 ? (uint)random.Next(2, 200_000) : 1;
                values[ordinal] = random.NextDouble() < NullShare ? null : random.NextInt64(Low, High + 1);
            }
            return values;
        }

        public override string ToString() => $"seed {Seed}, {Persons} persons, {Low}..{High}, {NullShare:P0} null";
    }

    private static Arbitrary<Data> Datas =>
        (from seed in Gen.Choose(0, int.MaxValue)
         from persons in Gen.Elements(1, 7, 300, 5000, 40_000)
         from range in Gen.Elements((0L, 1L), (-5L, 5L), (-1000L, 100_000L), (1L, 1L), (long.MinValue / 4, long.MaxValue / 4), (-20_000L, -10_000L))
         from nulls in Gen.Elements(0.0, 0.1, 0.6)
         select new Data(seed, persons, range.Item1, range.Item2, nulls)).ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 25)]
    public Property Range_EveryOperator_MatchesScan() => Prop.ForAll(Datas, data =>
    {
        var values = data.Values();
        var bsi = Build(values);
        var constants = Constants(values, data, new Random(data.Seed), 6);
        foreach (var c in constants)
            foreach (var op in Operators)
            {
                var expected = values.Where(v => v.Value is { } x && Holds(op, x, c)).Select(v => v.Key).ToArray();
                bsi.Range(op, c).ToArray().ShouldBe(expected, $"{op} {c} over {data}");
            }
    });

    [FsCheck.Xunit.Property(MaxTest = 25)]
    public Property Range_TwoEnds_InOnePass_MatchesScan() => Prop.ForAll(Datas, data =>
    {
        // Both ends read off the slices together (and, past 32 keys, split between two threads) against a scan.
        var values = data.Values();
        var bsi = Build(values);
        var random = new Random(data.Seed);
        var constants = Constants(values, data, random, 3);
        for (var i = 0; i < 40; i++)
        {
            var (a, b) = (constants[random.Next(constants.Count)], constants[random.Next(constants.Count)]);
            var (opA, opB) = (Operators[random.Next(Operators.Length)], Operators[random.Next(Operators.Length)]);
            var expected = values.Where(v => v.Value is { } x && Holds(opA, x, a) && Holds(opB, x, b)).Select(v => v.Key).ToArray();
            bsi.Range([new RangeTest(opA, a), new RangeTest(opB, b)]).ToArray().ShouldBe(expected, $"{opA} {a} and {opB} {b} over {data}");
        }
    });

    /// <summary>Values held (each with its neighbours), the data's bounds and past them, zero, and the extremes.</summary>
    private static List<long> Constants(SortedDictionary<uint, long?> values, Data data, Random random, int held) =>
        [.. values.Where(v => v.Value.HasValue).Select(v => v.Value!.Value).Distinct().OrderBy(_ => random.Next()).Take(held)
            .SelectMany(v => new[] { v - 1, v, v + 1 })
            .Concat([data.Low, data.High, data.Low - 1, data.High + 1, 0, -1, long.MinValue, long.MaxValue])];

    [Fact]
    public void Range_TwoEnds_HandChecked()
    {
        // Persons 0..5 with −3, null, 0, 7, −3, 2: between −2 and 5 → persons 2 (0) and 5 (2).
        var bsi = BitSlicedIndex.Build([0, 2, 3, 4, 5], [-3, 0, 7, -3, 2]);
        bsi.Range([new RangeTest(RangeOperator.GreaterOrEqual, -2), new RangeTest(RangeOperator.LessOrEqual, 5)]).ToArray().ShouldBe([2u, 5u]);
        bsi.Range([new RangeTest(RangeOperator.NotEqual, 0), new RangeTest(RangeOperator.Less, 7)]).ToArray().ShouldBe([0u, 4u, 5u]);
        bsi.Range([new RangeTest(RangeOperator.Greater, 7), new RangeTest(RangeOperator.GreaterOrEqual, -100)]).ToArray().ShouldBeEmpty();
        bsi.Range([new RangeTest(RangeOperator.Greater, -100), new RangeTest(RangeOperator.Less, 100)]).ToArray().ShouldBe([0u, 2u, 3u, 4u, 5u]);
    }

    [FsCheck.Xunit.Property(MaxTest = 25)]
    public Property ValueAtRank_EveryRank_IsTheSortedValue() => Prop.ForAll(Datas, data =>
    {
        var values = data.Values();
        var bsi = Build(values);
        var sorted = values.Values.Where(v => v.HasValue).Select(v => v!.Value).Order().ToList();
        var random = new Random(data.Seed);
        var ranks = sorted.Count == 0 ? [] : new[] { 0, sorted.Count - 1, sorted.Count / 2, random.Next(sorted.Count), random.Next(sorted.Count) };
        foreach (var rank in ranks)
            bsi.ValueAtRank(rank).ShouldBe(sorted[rank], $"rank {rank} over {data}");
    });

    [Fact]
    public void Range_HandCheckedNegatives_AndNulls()
    {
        // Persons 0..5 with −3, null, 0, 7, −3, 2: base −3, offsets 0, 3, 10, 0, 5.
        var bsi = BitSlicedIndex.Build([0, 2, 3, 4, 5], [-3, 0, 7, -3, 2]);
        bsi.Base.ShouldBe(-3);
        bsi.Bits.ShouldBe(4);
        bsi.Range(RangeOperator.Less, 0).ToArray().ShouldBe([0u, 4u]);
        bsi.Range(RangeOperator.LessOrEqual, 0).ToArray().ShouldBe([0u, 2u, 4u]);
        bsi.Range(RangeOperator.Greater, -3).ToArray().ShouldBe([2u, 3u, 5u]);
        bsi.Range(RangeOperator.GreaterOrEqual, 3).ToArray().ShouldBe([3u]);
        bsi.Range(RangeOperator.Equal, -3).ToArray().ShouldBe([0u, 4u]);
        bsi.Range(RangeOperator.NotEqual, -3).ToArray().ShouldBe([2u, 3u, 5u]);
        bsi.Range(RangeOperator.NotEqual, 100).ToArray().ShouldBe([0u, 2u, 3u, 4u, 5u]);
        bsi.Range(RangeOperator.Less, -100).IsEmpty.ShouldBeTrue();
    }

    private static BitSlicedIndex Build(SortedDictionary<uint, long?> values)
    {
        var present = values.Where(v => v.Value.HasValue).ToList();
        if (present.Count == 0)
            return new BitSlicedIndex(0, new RoaringBitmap(), [new RoaringBitmap()]);
        return BitSlicedIndex.Build(present.Select(v => v.Key).ToArray(), present.Select(v => v.Value!.Value).ToArray());
    }

    /// <summary>Whether <paramref name="x"/> compares to <paramref name="c"/> as <paramref name="op"/> says (the scan the tests compare with).</summary>
    internal static bool Holds(RangeOperator op, long x, long c) => op switch
    {
        RangeOperator.Equal => x == c,
        RangeOperator.NotEqual => x != c,
        RangeOperator.Less => x < c,
        RangeOperator.LessOrEqual => x <= c,
        RangeOperator.Greater => x > c,
        _ => x >= c,
    };
}
