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
        bitmap.ToArray().ShouldBe(expected.Order().ToArray(), context);
        if (expected.Count > 0)
        {
            bitmap.Min.ShouldBe(expected.Min(), context);
            bitmap.Max.ShouldBe(expected.Max(), context);
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
            c.Cardinality.ShouldBeGreaterThan(0, "an empty container was kept");
            c.Values().Count().ShouldBe(c.Cardinality);
            c.Values().ShouldBeInOrder(SortDirection.Ascending);
            c.Values().Distinct().Count().ShouldBe(c.Cardinality);
            c.NumberOfRuns().ShouldBe(RunsOf(c.Values()), "run count");
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

    private static int RunsOf(IEnumerable<ushort> values)
    {
        var (runs, previous) = (0, -2);
        foreach (var v in values)
        {
            if (v != previous + 1)
                runs++;
            previous = v;
        }
        return runs;
    }

    public static IEnumerable<Type> Kinds(RoaringBitmap bitmap) =>
        Enumerable.Range(0, bitmap.ContainerCount).Select(i => bitmap.ContainerAt(i).GetType());
}
