using Shouldly;
using TagCenter.Core.Activation;

namespace TagCenter.Core.Tests.Activation;

public sealed class ExperimentStatisticsTests
{
    [Fact]
    public void Compare_HandCheckedExample()
    {
        // Arm 120/1000 = 12 %, holdout 100/1000 = 10 %: lift 0.02, relative 20 %.
        // Pooled p = 220/2000 = 0.11; SE = sqrt(0.11·0.89·(1/1000 + 1/1000)) = sqrt(0.0001958) = 0.0139929;
        // z = 0.02 / 0.0139929 = 1.42929; p = 2·(1 − Φ(1.42929)) = 2·0.076457 = 0.15291.
        // Unpooled SE = sqrt(0.12·0.88/1000 + 0.10·0.90/1000) = sqrt(0.0001956) = 0.0139857;
        // 95 % CI = 0.02 ± 1.959964·0.0139857 = 0.02 ± 0.0274114 → [−0.0074114, 0.0474114].
        var c = ExperimentStatistics.Compare(new ArmCounts(1000, 120), new ArmCounts(1000, 100))!;

        c.Lift.ShouldBe(0.02, 1e-12);
        c.RelativeLift.ShouldBe(0.2, 1e-12);
        c.Z.ShouldBe(1.42929, 1e-4);
        c.PValue.ShouldBe(0.15291, 1e-4);
        c.Low.ShouldBe(-0.0074114, 1e-6);
        c.High.ShouldBe(0.0474114, 1e-6);
    }

    [Fact]
    public void Compare_LargeEffect_Significant()
    {
        // 300/1000 vs 200/1000: pooled 0.25, SE = sqrt(0.25·0.75·0.002) = 0.0193649, z = 0.1/0.0193649 = 5.16398, p ≈ 2.4e-7.
        var c = ExperimentStatistics.Compare(new ArmCounts(1000, 300), new ArmCounts(1000, 200))!;

        c.Z.ShouldBe(5.16398, 1e-4);
        c.PValue.ShouldBeLessThan(1e-6);
    }

    [Fact]
    public void SampleSize_TenToTwelvePercent_3841PerGroup()
    {
        // p0 = 0.10, p1 = 0.12, p̄ = 0.11: (1.959964·sqrt(2·0.11·0.89) + 0.841621·sqrt(0.09 + 0.1056))² / 0.02²
        // = (0.867271 + 0.372221)² / 0.0004 = 1.536340 / 0.0004 = 3840.85 → 3841 (the textbook figure).
        ExperimentStatistics.SampleSize(0.10, 0.02).ShouldBe(3841);
    }

    [Fact]
    public void Compare_EmptyHoldout_Null() =>
        ExperimentStatistics.Compare(new ArmCounts(10, 1), new ArmCounts(0, 0)).ShouldBeNull();
}
