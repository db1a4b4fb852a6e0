using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using TagCenter.Core.Bitmaps;

namespace TagCenter.Core.Tests.Bitmaps;

/// <summary>Every operation against <see cref="HashSet{T}"/> on generated sets of every container kind.</summary>
public sealed class RoaringBitmapPropertyTests
{
    private static Arbitrary<BitmapSpec> One => BitmapSpec.Gen().ToArbitrary();

    private static Arbitrary<(BitmapSpec, BitmapSpec)> Two =>
        (from a in BitmapSpec.Gen() from b in BitmapSpec.Gen() select (a, b)).ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property Build_AnySet_SameValuesCountMinMax() => Prop.ForAll(One, spec =>
    {
        var expected = spec.Expected();
        var bitmap = spec.Build();
        BitmapAssert.Matches(bitmap, expected, spec.ToString());
        bitmap.IsEmpty.ShouldBe(expected.Count == 0);
    });

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property Contains_ProbesInAndAroundTheSet_AgreesWithSet() => Prop.ForAll(One, spec =>
    {
        var expected = spec.Expected();
        var bitmap = spec.Build();
        var random = new Random(spec.GetHashCode());
        var probes = expected.Take(2000).SelectMany(v => new[] { v, v + 1, v - 1 })
            .Concat(Enumerable.Range(0, 2000).Select(_ => (uint)random.NextInt64(0, 1L << 32)))
            .Concat([0u, uint.MaxValue, 65535u, 65536u]);
        foreach (var p in probes)
            bitmap.Contains(p).ShouldBe(expected.Contains(p), $"{p} in {spec}");
    });

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property And_TwoSets_Intersection() => Prop.ForAll(Two, pair =>
        Check(pair, RoaringBitmap.And, (x, y) => x.IntersectWith(y)));

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property Or_TwoSets_Union() => Prop.ForAll(Two, pair =>
        Check(pair, RoaringBitmap.Or, (x, y) => x.UnionWith(y)));

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property AndNot_TwoSets_Difference() => Prop.ForAll(Two, pair =>
        Check(pair, RoaringBitmap.AndNot, (x, y) => x.ExceptWith(y)));

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property Xor_TwoSets_SymmetricDifference() => Prop.ForAll(Two, pair =>
        Check(pair, RoaringBitmap.Xor, (x, y) => x.SymmetricExceptWith(y)));

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property AndCardinality_TwoSets_CountOfIntersection() => Prop.ForAll(Two, pair =>
    {
        var (a, b) = pair;
        var expected = a.Expected();
        expected.IntersectWith(b.Expected());
        RoaringBitmap.AndCardinality(a.Build(), b.Build()).ShouldBe(expected.Count, $"{a} AND {b}");
    });

    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property Remove_ASubset_RestRemains() => Prop.ForAll(One, FsCheck.Fluent.Gen.Choose(1, 100).ToArbitrary(), (spec, percent) =>
    {
        var expected = spec.Expected();
        var bitmap = spec.Build();
        var random = new Random(percent);
        foreach (var v in expected.Where(_ => random.Next(100) < percent).ToList())
        {
            bitmap.Remove(v).ShouldBeTrue();
            expected.Remove(v);
        }
        bitmap.Remove(7_777_777).ShouldBe(expected.Remove(7_777_777));
        bitmap.Remove(7_777_777).ShouldBeFalse();
        BitmapAssert.Matches(bitmap, expected, $"{spec} minus {percent}%");
    });

    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property RunOptimize_AnySet_SameValuesNoLargerSerialized() => Prop.ForAll(One, spec =>
    {
        var bitmap = spec.Build();
        var before = RoaringPortableFormat.SerializedSize(bitmap);
        bitmap.RunOptimize();
        BitmapAssert.Matches(bitmap, spec.Expected(), spec.ToString());
        RoaringPortableFormat.SerializedSize(bitmap).ShouldBeLessThanOrEqualTo(before + 4 + ((bitmap.ContainerCount + 7) / 8));
        bitmap.RunOptimize().ShouldBeFalse("a second RunOptimize changed containers");
    });

    [Fact]
    public void Generator_Sample_HitsEveryContainerKind()
    {
        var kinds = BitmapSpec.Gen().Sample(200)
            .SelectMany(s => BitmapAssert.Kinds(s.Build()))
            .ToHashSet();
        kinds.ShouldBe([typeof(ArrayContainer), typeof(BitsetContainer), typeof(RunContainer)], ignoreOrder: true);
    }

    private static void Check((BitmapSpec A, BitmapSpec B) pair, Func<RoaringBitmap, RoaringBitmap, RoaringBitmap> op,
        Action<HashSet<uint>, HashSet<uint>> setOp)
    {
        var (a, b) = pair;
        var expected = a.Expected();
        setOp(expected, b.Expected());
        var left = a.Build();
        var right = b.Build();
        var leftBefore = left.ToArray();
        var result = op(left, right);
        BitmapAssert.Matches(result, expected, $"{a} with {b}");
        left.ToArray().ShouldBe(leftBefore, "an operand was changed");
        result.Add(12345);
        left.ToArray().ShouldBe(leftBefore, "the result shares a container with an operand");
    }
}
