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

    [Fact]
    public void Top_PreferredChannel_HalfLife30_RecentBeatsFrequent()
    {
        // 偏好渠道 is the top 1 of the channels. Half-life 30 days, weights by hand:
        // app: ages 0, 90, 120, 150 → 1 + 0.125 + 0.0625 + 0.03125 = 1.21875 (4 orders);
        // miniprogram: ages 30, 30, 60 → 0.5 + 0.5 + 0.25 = 1.25 (3 orders); web: age 10 → 0.5^(1/3) = 0.7937.
        // Decayed, miniprogram leads; counted, app would (4 > 3).
        PreferenceEvent[] events =
        [
            new("p", "app", 0), new("p", "app", 90), new("p", "app", 120), new("p", "app", 150),
            new("p", "miniprogram", 30), new("p", "miniprogram", 30), new("p", "miniprogram", 60), new("p", "web", 10),
        ];
        PreferenceWeights.Top(events, halfLifeDays: 30, top: 1)["p"].ShouldBe(["miniprogram"]);
        PreferenceWeights.Top(events, halfLifeDays: 30, top: 3)["p"].ShouldBe(["miniprogram", "app", "web"]);
    }

    [Fact]
    public void Shares_PriceSensitivity_HalfLife90_HandChecked()
    {
        // 价格敏感度: the decayed share of the coupon price band ("true"). Half-life 90 days, by hand:
        // p: coupon at ages 0, 90 → 1 + 0.5 = 1.5; full price at 0, 180, 180 → 1 + 0.25 + 0.25 = 1.5; share 1.5 / 3 = 0.5 → 高
        //    (counted: 2 of 5 = 0.4 → 中).
        // q: coupon at 270 → 0.125; full price at 0 → 1; share 0.125 / 1.125 = 0.1111 → 低 (counted: 1 of 2 = 0.5 → 高).
        // s: full price only → 0 → 低.
        PreferenceEvent[] events =
        [
            new("p", "true", 0), new("p", "true", 90), new("p", "false", 0), new("p", "false", 180), new("p", "false", 180),
            new("q", "true", 270), new("q", "false", 0), new("s", "false", 5),
        ];
        var shares = PreferenceWeights.Shares(events, halfLifeDays: 90, category: "true");
        shares["p"].ShouldBe(0.5, 1e-12);
        shares["q"].ShouldBe(1.0 / 9, 1e-12);
        shares["s"].ShouldBe(0);
        PreferenceLevel[] levels = [new("低", 0), new("高", 0.5), new("中", 0.2)];
        PreferenceWeights.Level(shares["p"], levels).ShouldBe("高");
        PreferenceWeights.Level(shares["q"], levels).ShouldBe("低");
        PreferenceWeights.Level(0.2, levels).ShouldBe("中");
        PreferenceWeights.Level(0.1, [new("高", 0.5)]).ShouldBeNull();
    }
}
