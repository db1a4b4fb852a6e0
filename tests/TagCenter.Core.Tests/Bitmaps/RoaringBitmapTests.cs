using Shouldly;
using TagCenter.Core.Bitmaps;

namespace TagCenter.Core.Tests.Bitmaps;

/// <summary>The container transitions, one by one, on hand-built sets.</summary>
public sealed class RoaringBitmapTests
{
    [Fact]
    public void Builder_Append_TakesTheLaterKeys_AndRefusesEarlierOnes()
    {
        var first = new RoaringBitmapBuilder();
        first.Add(1);
        first.Add(70_000);
        var second = new RoaringBitmapBuilder();
        second.Add(140_000);
        second.Add(140_001);
        first.Append(second).Build().ToArray().ShouldBe([1u, 70_000u, 140_000u, 140_001u]);
        second.Build().IsEmpty.ShouldBeTrue();

        var late = new RoaringBitmapBuilder();
        late.Add(140_000);
        var early = new RoaringBitmapBuilder();
        early.Add(65_536);
        Should.Throw<ArgumentException>(() => late.Append(early));
    }

    [Fact]
    public void Add_4097thValue_ArrayBecomesBitset()
    {
        var bitmap = new RoaringBitmap();
        for (uint v = 0; v < 8192; v += 2)
            bitmap.Add(v);
        bitmap.ContainerAt(0).ShouldBeOfType<ArrayContainer>();
        bitmap.Cardinality.ShouldBe(4096);
        bitmap.Add(8191).ShouldBeTrue();
        bitmap.ContainerAt(0).ShouldBeOfType<BitsetContainer>();
        bitmap.Cardinality.ShouldBe(4097);
        bitmap.Add(8191).ShouldBeFalse();
    }

    [Fact]
    public void Remove_DownTo4096_BitsetBecomesArray()
    {
        var bitmap = RoaringBitmap.FromSorted([.. Enumerable.Range(0, 4097).Select(i => (uint)(i * 3))]);
        bitmap.ContainerAt(0).ShouldBeOfType<BitsetContainer>();
        bitmap.Remove(3).ShouldBeTrue();
        bitmap.ContainerAt(0).ShouldBeOfType<ArrayContainer>();
        bitmap.Cardinality.ShouldBe(4096);
        bitmap.Contains(3).ShouldBeFalse();
        bitmap.Contains(6).ShouldBeTrue();
    }

    [Fact]
    public void RunOptimize_DenseRange_BecomesOneRun()
    {
        var bitmap = RoaringBitmap.FromSorted([.. Enumerable.Range(100, 50_000).Select(i => (uint)i)]);
        bitmap.ContainerAt(0).ShouldBeOfType<BitsetContainer>();
        bitmap.RunOptimize().ShouldBeTrue();
        var run = bitmap.ContainerAt(0).ShouldBeOfType<RunContainer>();
        run.RunCount.ShouldBe(1);
        bitmap.Cardinality.ShouldBe(50_000);
        (bitmap.Min, bitmap.Max).ShouldBe((100u, 50_099u));
    }

    [Fact]
    public void RunOptimize_ScatteredValues_StayArrayAndBitset()
    {
        var bitmap = RoaringBitmap.FromSorted([1, 5, 9, .. Enumerable.Range(0, 10_000).Select(i => (uint)(65536 + (i * 2)))]);
        bitmap.RunOptimize().ShouldBeFalse();
        bitmap.ContainerAt(0).ShouldBeOfType<ArrayContainer>();
        bitmap.ContainerAt(1).ShouldBeOfType<BitsetContainer>();
    }

    [Fact]
    public void Add_IntoRun_LeavesRunForAnExactContainer()
    {
        var bitmap = RoaringBitmap.FromRange(10, 20);
        bitmap.ContainerAt(0).ShouldBeOfType<RunContainer>();
        bitmap.Add(15).ShouldBeFalse();
        bitmap.ContainerAt(0).ShouldBeOfType<RunContainer>();
        bitmap.Add(30).ShouldBeTrue();
        bitmap.ContainerAt(0).ShouldBeOfType<ArrayContainer>();
        bitmap.ToArray().ShouldBe([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 30]);
    }

    [Fact]
    public void Remove_FromLargeRun_BecomesBitsetThenRunAgain()
    {
        var bitmap = RoaringBitmap.FromRange(0, 65536);
        bitmap.Remove(1000).ShouldBeTrue();
        bitmap.ContainerAt(0).ShouldBeOfType<BitsetContainer>();
        bitmap.Cardinality.ShouldBe(65535);
        bitmap.RunOptimize().ShouldBeTrue();
        bitmap.ContainerAt(0).ShouldBeOfType<RunContainer>().RunCount.ShouldBe(2);
    }

    [Fact]
    public void Remove_LastValue_DropsTheContainer()
    {
        var bitmap = RoaringBitmap.FromSorted([3, 70_000]);
        bitmap.Remove(70_000).ShouldBeTrue();
        bitmap.ContainerCount.ShouldBe(1);
        bitmap.Remove(3).ShouldBeTrue();
        bitmap.IsEmpty.ShouldBeTrue();
        bitmap.Remove(3).ShouldBeFalse();
    }

    [Fact]
    public void FromRange_AcrossKeysUpToTheTop_OneRunPerKey()
    {
        var bitmap = RoaringBitmap.FromRange(uint.MaxValue - 70_000, 1UL << 32);
        bitmap.ContainerCount.ShouldBe(2);
        bitmap.Cardinality.ShouldBe(70_001);
        bitmap.Max.ShouldBe(uint.MaxValue);
        bitmap.Min.ShouldBe(uint.MaxValue - 70_000);
        bitmap.Contains(uint.MaxValue - 70_001).ShouldBeFalse();
    }

    [Fact]
    public void FromSorted_NotIncreasing_Throws()
    {
        Should.Throw<ArgumentException>(() => RoaringBitmap.FromSorted([1, 5, 5]));
        Should.Throw<ArgumentException>(() => RoaringBitmap.FromSorted([70_000, 3]));
    }

    [Fact]
    public void MinMax_Empty_Throws()
    {
        Should.Throw<InvalidOperationException>(() => new RoaringBitmap().Min);
        Should.Throw<InvalidOperationException>(() => new RoaringBitmap().Max);
    }

    [Fact]
    public void AndCardinality_RunAgainstEveryKind_CountsOverlap()
    {
        var runs = RoaringBitmap.FromRange(1000, 3000);
        var array = RoaringBitmap.FromSorted([5, 1000, 1500, 2999, 3000]);
        var bitset = RoaringBitmap.FromSorted([.. Enumerable.Range(0, 6000).Select(i => (uint)(i * 2))]);
        var otherRuns = RoaringBitmap.FromRange(2500, 10_000);
        RoaringBitmap.AndCardinality(runs, array).ShouldBe(3);
        RoaringBitmap.AndCardinality(runs, bitset).ShouldBe(1000);
        RoaringBitmap.AndCardinality(bitset, runs).ShouldBe(1000);
        RoaringBitmap.AndCardinality(runs, otherRuns).ShouldBe(500);
    }

    [Fact]
    public void AndOr_TwoRunContainers_MergedIntervalByInterval()
    {
        var a = Runs((10, 20), (40, 50), (1000, 5000));
        var b = Runs((20, 30), (45, 60), (4000, 4001));
        a.ContainerAt(0).ShouldBeOfType<RunContainer>();
        b.ContainerAt(0).ShouldBeOfType<RunContainer>();

        var or = RoaringBitmap.Or(a, b);
        or.ContainerAt(0).ShouldBeOfType<RunContainer>().Runs.ToArray().ShouldBe(new ushort[] { 10, 19, 40, 19, 1000, 3999 });
        var and = RoaringBitmap.And(a, b);
        and.ContainerAt(0).ShouldBeOfType<RunContainer>().Runs.ToArray().ShouldBe(new ushort[] { 45, 4, 4000, 0 });
        RoaringBitmap.And(a, Runs((30, 40))).ShouldBeEmpty();
        RoaringBitmap.And(a, Runs((30, 40))).IsEmpty.ShouldBeTrue();
    }

    private static RoaringBitmap Runs(params (int Start, int End)[] runs)
    {
        var bitmap = RoaringBitmap.FromSorted([.. runs.SelectMany(r => Enumerable.Range(r.Start, r.End - r.Start)).Select(v => (uint)v)]);
        bitmap.RunOptimize();
        return bitmap;
    }
}
