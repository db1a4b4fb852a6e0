using Shouldly;
using TagCenter.Core.Models.Rfm;

namespace TagCenter.Core.Tests.Models.Rfm;

public sealed class RfmScorerTests
{
    // Ten persons scored by hand (quintile score = 1 + ⌊5 · persons strictly worse / 10⌋; high = above the mean):
    // R: A5 B5 E4 C4 D3 F3 G2 H2 I1 J1 (mean 3.0) · F: A5 B5 D4 H4 F3 G3 C1 E1 I1 J1 (mean 2.8) · M: A5 H5 C4 J4 D3 G3 B2 F2 E1 I1 (mean 3.0).
    private static readonly RfmCustomer[] Ten =
    [
        new("A", 5, 10, 5000), new("B", 5, 8, 300), new("C", 20, 1, 4000), new("D", 40, 6, 2000), new("E", 10, 1, 100),
        new("F", 90, 5, 800), new("G", 120, 2, 3000), new("H", 200, 7, 6000), new("I", 300, 1, 50), new("J", 360, 1, 4500),
    ];

    [Theory]
    [InlineData("A", 5, 5, 5, "重要价值客户")]
    [InlineData("B", 5, 5, 2, "一般价值客户")]
    [InlineData("C", 4, 1, 4, "重要发展客户")]
    [InlineData("D", 3, 4, 3, "一般保持客户")]
    [InlineData("E", 4, 1, 1, "一般发展客户")]
    [InlineData("F", 3, 3, 2, "一般保持客户")]
    [InlineData("G", 2, 3, 3, "一般保持客户")]
    [InlineData("H", 2, 4, 5, "重要保持客户")]
    [InlineData("I", 1, 1, 1, "一般挽留客户")]
    [InlineData("J", 1, 1, 4, "重要挽留客户")]
    public void Score_HandCheckedTen_ScoresAndClass(string person, int r, int f, int m, string cls)
    {
        var result = RfmScorer.Score(Ten);
        result.Scores.Single(s => s.OneId == person).ShouldBe(new RfmScore(person, r, f, m, cls));
        result.MeanR.ShouldBe(3.0);
        result.MeanF.ShouldBe(2.8, 1e-12);
        result.MeanM.ShouldBe(3.0);
    }

    [Fact]
    public void Score_InputOrderReversed_SameScores()
    {
        var forward = RfmScorer.Score(Ten).Scores.OrderBy(s => s.OneId, StringComparer.Ordinal);
        var backward = RfmScorer.Score(Ten.Reverse().ToArray()).Scores.OrderBy(s => s.OneId, StringComparer.Ordinal);
        backward.ShouldBe(forward);
    }

    [Fact]
    public void Score_AllTied_AllGetTheLowestScoreAndOneClass()
    {
        // Nobody is strictly worse than anybody: every score is 1, nobody is above the mean.
        var same = Enumerable.Range(0, 7).Select(i => new RfmCustomer($"p{i}", 30, 2, 100)).ToArray();
        RfmScorer.Score(same).Scores.ShouldAllBe(s => s.R == 1 && s.F == 1 && s.M == 1 && s.Class == "一般挽留客户");
    }

    [Theory]
    [InlineData(5, 1, 0, 5, 1, 1)]
    [InlineData(30, 2, 100, 5, 2, 2)]
    [InlineData(31, 8, 500, 4, 5, 3)]
    [InlineData(400, 3, 5000, 1, 3, 5)]
    public void Score_DeclaredThresholds_Levels(double days, double frequency, double monetary, int r, int f, int m)
    {
        var thresholds = new RfmThresholds([30, 90, 180, 365], [2, 3, 5, 8], [100, 300, 1000, 5000]);
        var score = RfmScorer.Score([new RfmCustomer("x", days, frequency, monetary)], thresholds).Scores[0];
        (score.R, score.F, score.M).ShouldBe((r, f, m));
    }

    [Fact]
    public void Classes_EightDistinctNames()
    {
        var names = new[] { true, false }.SelectMany(r => new[] { true, false }.SelectMany(f => new[] { true, false }.Select(m => RfmClasses.Of(r, f, m))));
        names.Order().ShouldBe(RfmClasses.All.Order());
    }
}
