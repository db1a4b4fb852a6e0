using Shouldly;
using TagCenter.Core.Bitmaps;

namespace TagCenter.Core.Tests.Bitmaps;

internal static class BitmapAssert
{
    /// <summary>Same values as <paramref name="expected"/>, and every container is well formed.</summary>
    public static void Matches(RoaringBitmap bitmap, IReadOnlyCollection<uint> expected, string? context = null)
    {
        WellFormed(bitmap);
        bitmap.Cardinality.ShouldBe(expected.Count, context);
        var actual = bitmap.ToArray();
        var wanted = expected.Order().ToArray();
        var mismatch = Enumerable.Range(0, Math.Min(actual.Length, wanted.Length)).FirstOrDefault(i => actual[i] != wanted[i], -1);
        if (mismatch >= 0)
            Assert.Fail($"value {mismatch} is {actual[mismatch]}, expected {wanted[mismatch]} ({context})");
        actual.Length.ShouldBe(wanted.Length, context);
        if (expected.Count > 0)
        {
            bitmap.Min.ShouldBe(wanted[0], context);
            bitmap.Max.ShouldBe(wanted[^1], context);
        }
    }

    public static void WellFormed(RoaringBitmap bitmap)
    {
        var keys = bitmap.Keys;
        for (var i = 0; i < bitmap.ContainerCount; i++)
        {
            if (i > 0)
                keys[i].ShouldBeGreaterThan(keys[i - 1]);
            var c = bitmap.ContainerAt(i);
            var values = c.Values().ToArray();
            c.Cardinality.ShouldBeGreaterThan(0, "an empty container was kept");
            values.Length.ShouldBe(c.Cardinality);
            var runs = values.Length == 0 ? 0 : 1;
            for (var j = 1; j < values.Length; j++)
            {
                if (values[j] <= values[j - 1])
                    Assert.Fail($"container {i}: {values[j]} follows {values[j - 1]}");
                if (values[j] != values[j - 1] + 1)
                    runs++;
            }
            c.NumberOfRuns().ShouldBe(runs, "run count");
            switch (c)
            {
                case ArrayContainer:
                    c.Cardinality.ShouldBeLessThanOrEqualTo(Container.ArrayMaxCardinality);
                    break;
                case BitsetContainer:
                    c.Cardinality.ShouldBeGreaterThan(Container.ArrayMaxCardinality);
                    break;
            }
        }
    }

    public static IEnumerable<Type> Kinds(RoaringBitmap bitmap) =>
        Enumerable.Range(0, bitmap.ContainerCount).Select(i => bitmap.ContainerAt(i).GetType());
}
