using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using TagCenter.Core.Bitmaps;
using TagCenter.Core.Index;
using TagCenter.Core.Realtime;

namespace TagCenter.Core.Tests.Realtime;

/// <summary>
/// The overlay answers as an index built from scratch over the patched values would: random persons with a value tag
/// and a range tag, random patches (new persons, persons gone, values below the old base and above the old top), and
/// every lookup compared with a brute-force scan of the final values.
/// </summary>
public sealed class PatchedTagIndexTests
{
    private static readonly string[] Levels = ["高", "中", "低"];

    private sealed record Row(string? Level, long? Amount);

    private sealed record Case(IReadOnlyList<Row> Rows, IReadOnlyList<(int Ordinal, bool Present, Row Row)> Patches);

    private static readonly Gen<Row> Rows =
        from level in Gen.Elements<string?>("高", "中", "低", "新", null)
        from amount in Gen.OneOf(Gen.Choose(-500, 5000).Select(v => (long?)v), Gen.Constant((long?)null))
        select new Row(level, amount);

    private static readonly Gen<Case> Cases =
        from rows in Gen.NonEmptyListOf(from l in Gen.Elements<string?>("高", "中", "低", null) from a in Gen.Choose(0, 300).Select(v => v % 7 == 0 ? (long?)null : v) select new Row(l, a))
        from patches in Gen.ListOf(from ordinal in Gen.Choose(0, 80) from present in Gen.Elements(true, true, true, false) from row in Rows select (ordinal, present, row))
        select new Case([.. rows.Take(60)], [.. patches.Take(30)]);

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Lookups_AfterPatches_SameAsScanOfFinalValues() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var final = new Dictionary<uint, Row>();
        for (var i = 0; i < c.Rows.Count; i++)
            final[(uint)i] = c.Rows[i];
        var index = new PatchedTagIndex(Build(c.Rows));
        // Patches come in a few batches, as real-time updates do; each makes a new view.
        foreach (var batch in c.Patches.Chunk(7))
        {
            index = index.With(batch.Select(p => new IndexPatch((uint)p.Ordinal, p.Present, Values(p.Row))));
            foreach (var p in batch)
            {
                if (p.Present)
                    final[(uint)p.Ordinal] = p.Row;
                else
                    final.Remove((uint)p.Ordinal);
            }
        }
        Ordinals(index.All).ShouldBe(final.Keys.Order());
        foreach (var level in Levels.Append("新"))
            Ordinals(index.Equal("level", level)).ShouldBe(Where(final, r => r.Level == level), $"level = {level}");
        Ordinals(index.HasValue("level")).ShouldBe(Where(final, r => r.Level is not null));
        Ordinals(index.HasValue("amount")).ShouldBe(Where(final, r => r.Amount is not null));
        foreach (var value in new long[] { -600, -500, -1, 0, 1, 150, 300, 301, 4999, 5000, 9000 })
        {
            Ordinals(index.Range("amount", RangeOperator.GreaterOrEqual, value)).ShouldBe(Where(final, r => r.Amount >= value), $"amount >= {value}");
            Ordinals(index.Range("amount", RangeOperator.Less, value)).ShouldBe(Where(final, r => r.Amount < value), $"amount < {value}");
            Ordinals(index.Range("amount", RangeOperator.Equal, value)).ShouldBe(Where(final, r => r.Amount == value), $"amount = {value}");
        }
        index.Values("level").ShouldBe([.. Levels, .. final.Values.Any(r => r.Level == "新") ? ["新"] : Array.Empty<string>()]);
        return true.ToProperty();
    });

    [Fact]
    public void RangeIndex_ValueBelowBase_RebasesEveryStoredValue()
    {
        // Base 100 (values 100, 103, 107); a new value of -3 moves the base down by 103: every offset grows by a carry chain.
        var bsi = BitSlicedIndex.Build([0, 1, 2], [100, 103, 107]);
        var index = new PatchedTagIndex(new InMemoryTagIndex(RoaringBitmap.FromSorted([0, 1, 2])).AddRange("amount", IndexEncoding.Integer, bsi))
            .With([new IndexPatch(3, true, new Dictionary<string, object?> { ["amount"] = -3L })]);
        var patched = index.RangeIndex("amount")!;
        patched.Base.ShouldBe(-3);
        Enumerable.Range(0, 4).Select(rank => patched.ValueAtRank(rank)).ShouldBe([-3L, 100L, 103L, 107L]);
    }

    private static Dictionary<string, object?> Values(Row row) => new() { ["level"] = row.Level, ["amount"] = row.Amount };

    private static InMemoryTagIndex Build(IReadOnlyList<Row> rows)
    {
        var all = RoaringBitmap.FromSorted([.. Enumerable.Range(0, rows.Count).Select(i => (uint)i)]);
        var bitmaps = Levels.Select(l => RoaringBitmap.FromSorted([.. Enumerable.Range(0, rows.Count).Where(i => rows[i].Level == l).Select(i => (uint)i)])).ToList();
        var withAmount = Enumerable.Range(0, rows.Count).Where(i => rows[i].Amount is not null).ToList();
        var index = new InMemoryTagIndex(all).AddValues("level", Levels, bitmaps);
        return withAmount.Count == 0
            ? index.AddRange("amount", IndexEncoding.Integer, new BitSlicedIndex(0, new RoaringBitmap(), [new RoaringBitmap()]))
            : index.AddRange("amount", IndexEncoding.Integer, BitSlicedIndex.Build([.. withAmount.Select(i => (uint)i)], [.. withAmount.Select(i => rows[i].Amount!.Value)]));
    }

    private static List<uint> Ordinals(RoaringBitmap bitmap) => [.. bitmap];

    private static List<uint> Where(Dictionary<uint, Row> rows, Func<Row, bool> match) => [.. rows.Where(r => match(r.Value)).Select(r => r.Key).Order()];
}
