using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using TagCenter.Core.Bitmaps;
using TagCenter.Core.Index;

namespace TagCenter.Core.Tests.Index;

/// <summary>
/// A count of bitmaps and ranges compared key by key (<see cref="ConjunctionCount"/>) against a scan of the same
/// persons' values: ranges included and subtracted, one or two ends, nulls, constants outside the slices, unions of
/// bitmaps, and counts large enough to be split between two threads.
/// </summary>
public sealed class ConjunctionCountTests
{
    private static readonly RangeOperator[] Operators = Enum.GetValues<RangeOperator>();

    /// <summary>Per person: two range-indexed values (null or not) and membership of three value bitmaps.</summary>
    public sealed record Data(int Seed, int Persons, double Density)
    {
        public List<(uint Ordinal, long? A, long? B, bool InC, bool InD, bool InE)> Rows()
        {
            var random = new Random(Seed);
            var rows = new List<(uint, long?, long?, bool, bool, bool)>(Persons);
            uint ordinal = (uint)random.Next(0, 70_000);
            for (var i = 0; i < Persons; i++)
            {
                ordinal += random.NextDouble() < 0.01 ? (uint)random.Next(2, 200_000) : 1;
                long? a = random.NextDouble() < 0.2 ? null : random.Next(-7_305, 14_611);
                long? b = random.NextDouble() < 0.4 ? null : random.Next(0, 800);
                rows.Add((ordinal, a, b, random.NextDouble() < Density, random.NextDouble() < 0.5, random.NextDouble() < Density / 3));
            }
            return rows;
        }

        public override string ToString() => $"seed {Seed}, {Persons} persons, bitmap density {Density}";
    }

    private static Arbitrary<Data> Datas =>
        (from seed in Gen.Choose(0, int.MaxValue)
         from persons in Gen.Elements(1, 50, 3_000, 60_000)
         from density in Gen.Elements(0.001, 0.15, 0.9)
         select new Data(seed, persons, density)).ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 20)]
    public Property Count_MatchesScan() => Prop.ForAll(Datas, data => Check(data, 30));

    [Fact]
    public void Count_SplitBetweenThreads_MatchesScan()
    {
        // 3M persons: over 32 keys, so each count runs on two threads.
        Check(new Data(7, 3_000_000, 0.15), 6);
    }

    [Fact]
    public void Count_HandChecked()
    {
        // Persons 0..5: a = −3, null, 0, 7, −3, 2; b = 5, 1, null, 9, 3, 0; c = {0, 2, 3, 5}.
        var a = BitSlicedIndex.Build([0, 2, 3, 4, 5], [-3, 0, 7, -3, 2]);
        var b = BitSlicedIndex.Build([0, 1, 3, 4, 5], [5, 1, 9, 3, 0]);
        var c = RoaringBitmap.FromSorted([0, 2, 3, 5]);
        // a between −2 and 7 → {2, 3, 5}; in c → {2, 3, 5}; minus b > 4 (persons 0, 3) → {2, 5}.
        ConjunctionCount.Count([c], [new RangeTerm(a, [new(RangeOperator.GreaterOrEqual, -2), new(RangeOperator.LessOrEqual, 7)])],
            [], [new RangeTerm(b, [new(RangeOperator.Greater, 4)])]).ShouldBe(2);
        // Everyone (0..5) minus b < 2 (persons 1, 5) minus c → {4}.
        ConjunctionCount.Count([RoaringBitmap.FromRange(0, 6)], [], [c], [new RangeTerm(b, [new(RangeOperator.Less, 2)])]).ShouldBe(1);
        // A constant past every value: a < 100 is every person with a value (5), a > 100 nobody.
        ConjunctionCount.Count([], [new RangeTerm(a, [new(RangeOperator.Less, 100)])], [], []).ShouldBe(5);
        ConjunctionCount.Count([c], [new RangeTerm(a, [new(RangeOperator.Greater, 100)])], [], []).ShouldBe(0);
        // a ≥ 0 (persons 2, 3, 5) in c ∪ {1, 5} = {0, 1, 2, 3, 5} → {2, 3, 5}; in {1} ∪ {4} = {1, 4} → nobody.
        ConjunctionCount.Count([], [new RangeTerm(a, [new(RangeOperator.GreaterOrEqual, 0)])], [], [], [[c, RoaringBitmap.FromSorted([1, 5])]]).ShouldBe(3);
        ConjunctionCount.Count([], [new RangeTerm(a, [new(RangeOperator.GreaterOrEqual, 0)])], [], [], [[RoaringBitmap.FromSorted([1]), RoaringBitmap.FromSorted([4])]]).ShouldBe(0);
        // Unions alone: ({0, 2} ∪ {4}) ∩ ({2, 4} ∪ {5}) ∖ b < 4 (persons 1, 4, 5) = {2}; a union of empty bitmaps is nobody.
        ConjunctionCount.Count([], [], [], [new RangeTerm(b, [new(RangeOperator.Less, 4)])],
            [[RoaringBitmap.FromSorted([0, 2]), RoaringBitmap.FromSorted([4])], [RoaringBitmap.FromSorted([2, 4]), RoaringBitmap.FromSorted([5])]]).ShouldBe(1);
        ConjunctionCount.Count([c], [], [], [], [[new RoaringBitmap(), new RoaringBitmap()]]).ShouldBe(0);
    }

    private static bool Check(Data data, int counts)
    {
        var rows = data.Rows();
        var a = Build(rows.Where(r => r.A.HasValue).Select(r => (r.Ordinal, r.A!.Value)));
        var b = Build(rows.Where(r => r.B.HasValue).Select(r => (r.Ordinal, r.B!.Value)));
        var c = RoaringBitmap.FromSorted([.. rows.Where(r => r.InC).Select(r => r.Ordinal)]);
        var d = RoaringBitmap.FromSorted([.. rows.Where(r => r.InD).Select(r => r.Ordinal)]);
        var e = RoaringBitmap.FromSorted([.. rows.Where(r => r.InE).Select(r => r.Ordinal)]);
        var all = RoaringBitmap.FromSorted([.. rows.Select(r => r.Ordinal)]);
        var random = new Random(data.Seed);
        for (var i = 0; i < counts; i++)
        {
            var aTests = Tests(random, random.Next(1, 3), -8_000, 15_000);
            var bTests = Tests(random, 1, -5, 805);
            var (withC, withoutD, withA, withoutB) = (random.Next(2) == 0, random.Next(2) == 0, random.Next(3) > 0, random.Next(3) > 0);
            // c ∪ e, or d ∪ e (with d subtracted too, that is e ∖ d), or no union.
            var union = random.Next(3);
            var expected = rows.LongCount(r =>
                (!withC || r.InC) && (!withoutD || !r.InD)
                && (union == 0 || (union == 1 ? r.InC || r.InE : r.InD || r.InE))
                && (!withA || (r.A is { } x && aTests.All(t => Holds(t, x))))
                && (!withoutB || !(r.B is { } y && bTests.All(t => Holds(t, y)))));
            List<RoaringBitmap> include = withC ? [c] : [];
            if (include.Count == 0 && !withA && union == 0)
                include.Add(all);
            RoaringBitmap[][] unions = union == 0 ? [] : union == 1 ? [[c, e]] : [[d, e]];
            var actual = ConjunctionCount.Count(include, withA ? [new RangeTerm(a, aTests)] : [], withoutD ? [d] : [], withoutB ? [new RangeTerm(b, bTests)] : [], unions);
            // The range built as a bitmap (members, portraits) selects the same persons, shared between threads alike.
            a.Range(aTests).Cardinality.ShouldBe(rows.LongCount(r => r.A is { } v && aTests.All(t => Holds(t, v))), $"a {string.Join(", ", aTests)} over {data}");
            actual.ShouldBe(expected, $"{(withC ? "c " : "")}{(union == 0 ? "" : union == 1 ? "c∪e " : "d∪e ")}{(withoutD ? "−d " : "")}{(withA ? "a " + string.Join(", ", aTests) : "")} {(withoutB ? "−b " + string.Join(", ", bTests) : "")} over {data}");
        }
        return true;
    }

    private static RangeTest[] Tests(Random random, int count, int low, int high) =>
        [.. Enumerable.Range(0, count).Select(_ => new RangeTest(Operators[random.Next(Operators.Length)], random.Next(low, high)))];

    private static BitSlicedIndex Build(IEnumerable<(uint Ordinal, long Value)> values)
    {
        var list = values.ToList();
        return list.Count == 0
            ? new BitSlicedIndex(0, new RoaringBitmap(), [new RoaringBitmap()])
            : BitSlicedIndex.Build([.. list.Select(v => v.Ordinal)], [.. list.Select(v => v.Value)]);
    }

    private static bool Holds(RangeTest t, long x) => BsiRangeTests.Holds(t.Operator, x, t.Value);
}
