using Shouldly;
using TagCenter.Core.Bitmaps;
using TagCenter.Core.Index;

namespace TagCenter.Core.Tests.Index;

/// <summary>The portrait of a 4-person segment in 10 persons, every figure worked out by hand.</summary>
public sealed class PortraitTests
{
    // city: 上海 {0,1,2,3}, 北京 {4,5,6}, 广州 {7,8}, person 9 none. age: 18 19 20 21 22 30 40 50 60 70.
    private static InMemoryTagIndex Index()
    {
        var index = new InMemoryTagIndex(RoaringBitmap.FromRange(0, 10));
        index.AddValues("city", ["上海", "北京", "广州"], [Of(0, 1, 2, 3), Of(4, 5, 6), Of(7, 8)]);
        index.AddRange("age", IndexEncoding.Integer, BitSlicedIndex.Build([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [18, 19, 20, 21, 22, 30, 40, 50, 60, 70]));
        return index;
    }

    [Fact]
    public void Portrait_TenPersons_HandCheckedTgiAndOrder()
    {
        var report = Portrait.Of(Index(), Of(0, 1, 2, 4));

        report.SegmentSize.ShouldBe(4);
        report.Population.ShouldBe(10);
        // Quintiles of age at ranks 2, 4, 6, 8: 20, 22, 40, 60 → five buckets of two persons each.
        // Segment shares: 2/4, 1/4, 1/4, 0, 0 against 2/10 each → TGI 250, 125, 125, 0, 0.
        // 上海 3/4 vs 4/10 → 187.5; 北京 1/4 vs 3/10 → 83.33; 广州 0 vs 2/10 → 0.
        // Score |TGI−100| × share: 75, 65.625, 6.25, 6.25, 4.17, then the zeros by tag and value.
        report.Rows.Select(r => (r.Tag, r.Value, r.InSegment, r.Overall)).ShouldBe(
        [
            ("age", "[18, 20)", 2L, 2L),
            ("city", "上海", 3L, 4L),
            ("age", "[20, 22)", 1L, 2L),
            ("age", "[22, 40)", 1L, 2L),
            ("city", "北京", 1L, 3L),
            ("age", "[40, 60)", 0L, 2L),
            ("age", "[60, 70]", 0L, 2L),
            ("city", "广州", 0L, 2L),
        ]);
        var tgi = report.Rows.ToDictionary(r => r.Tag + r.Value, r => r.Tgi);
        tgi["age[18, 20)"].ShouldBe(250, 1e-9);
        tgi["city上海"].ShouldBe(187.5, 1e-9);
        tgi["age[20, 22)"].ShouldBe(125, 1e-9);
        tgi["city北京"].ShouldBe(250.0 / 3, 1e-9);
        tgi["city广州"].ShouldBe(0, 1e-9);
        report.Rows[1].SegmentShare.ShouldBe(0.75, 1e-12);
        report.Rows[1].OverallShare.ShouldBe(0.4, 1e-12);
        report.Rows[1].Score.ShouldBe(65.625, 1e-9);
    }

    [Fact]
    public void Edges_MostlyZero_MergeRepeatedQuintiles()
    {
        // Eight zeros and 5, 9: ranks 2, 4, 6 are 0 (dropped, not above the minimum), rank 8 is 5.
        var bsi = BitSlicedIndex.Build([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [0, 0, 0, 0, 0, 0, 0, 0, 5, 9]);
        Portrait.Edges(bsi).ShouldBe([5L]);
    }

    private static RoaringBitmap Of(params uint[] values) => RoaringBitmap.FromSorted(values);
}
