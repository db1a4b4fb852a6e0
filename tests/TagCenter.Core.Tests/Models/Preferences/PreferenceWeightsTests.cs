using Shouldly;
using TagCenter.Core.Models.Preferences;

namespace TagCenter.Core.Tests.Models.Preferences;

public sealed class PreferenceWeightsTests
{
    [Fact]
    public void Top_HalfLife30_DecayOutweighsOldVolume()
    {
        // Half-life 30 days, weights by hand: 服装 1 + 0.25 = 1.25; 美妆 0.5 + 0.5 = 1.0; 数码 1.0; 食品 3 × 0.0625 = 0.1875.
        // 美妆 and 数码 tie at exactly 1.0: ordinal name order puts 数码 (U+6570) first. Counted without decay 食品 would lead.
        PreferenceEvent[] events =
        [
            new("p", "服装", 0), new("p", "服装", 60), new("p", "美妆", 30), new("p", "美妆", 30), new("p", "数码", 0),
            new("p", "食品", 120), new("p", "食品", 120), new("p", "食品", 120), new("q", "食品", 400),
        ];
        var top = PreferenceWeights.Top(events, halfLifeDays: 30, top: 3);
        top["p"].ShouldBe(["服装", "数码", "美妆"]);
        top["q"].ShouldBe(["食品"]);
    }

    [Theory]
    [InlineData(0, 90, 1.0)]
    [InlineData(90, 90, 0.5)]
    [InlineData(180, 90, 0.25)]
    [InlineData(45, 90, 0.70710678118654757)]
    public void Decay_HalfLives_PowersOfHalf(double age, double halfLife, double expected) =>
        PreferenceWeights.Decay(age, halfLife).ShouldBe(expected, 1e-15);
}
