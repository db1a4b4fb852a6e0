using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using TagCenter.Core.Bitmaps;

namespace TagCenter.Core.Tests.Bitmaps;

/// <summary>The fused count of a conjunction (includes minus excludes) against <see cref="HashSet{T}"/>.</summary>
public sealed class MultiwayCountTests
{
    private static Arbitrary<BitmapSpec[]> Several =>
        (from n in Gen.Choose(2, 5)
         from specs in BitmapSpec.Gen().ArrayOf(n)
         select specs).ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property AndCardinality_IncludesAndExcludes_CountOfSetExpression() => Prop.ForAll(Several, specs =>
    {
        var bitmaps = specs.Select(s => s.Build()).ToArray();
        var sets = specs.Select(s => s.Expected()).ToArray();
        for (var includes = 1; includes <= specs.Length; includes++)
        {
            var expected = new HashSet<uint>(sets[0]);
            for (var i = 1; i < includes; i++)
                expected.IntersectWith(sets[i]);
            for (var i = includes; i < specs.Length; i++)
                expected.ExceptWith(sets[i]);
            RoaringBitmap.AndCardinality(bitmaps.AsSpan(0, includes), bitmaps.AsSpan(includes))
                .ShouldBe(expected.Count, $"{includes} included of {string.Join(" | ", specs.Select(s => s.ToString()))}");
        }
    });
}
