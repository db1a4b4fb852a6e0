using TagCenter.Client;
using TagCenter.Web.Activation;

namespace TagCenter.Web.Tests.Activation;

/// <summary>An arm's figures as shown: rates to percent and percentage points, the interval's verdict (hand-worked examples).</summary>
public sealed class ExperimentTableTests
{
    private static ExperimentArmResult Arm(double? lift, double? low, double? high, double? p = 0.2) =>
        new("sms", 45, 400, 60, 0.15, lift, lift is null ? null : lift / 0.12, low, high, lift is null ? null : p);

    [Fact]
    public void Row_ArmAgainstHoldout_InPointsWithItsInterval()
    {
        // 60 of 400 convert (15%) against a holdout at 12%: +3 points, +25% relative, interval [-0.4, +6.4] points.
        var row = ExperimentTable.Row(Arm(0.03, -0.004, 0.064, 0.0004));

        row.Conversion.ShouldBe("15.00%");
        row.Lift.ShouldBe("+3.00");
        row.RelativeLift.ShouldBe("+25.0%");
        row.Interval.ShouldBe("[-0.40, +6.40]");
        row.PValue.ShouldBe("< 0.001");
        row.Verdict.ShouldBe(ArmVerdict.Unclear);
    }

    [Theory]
    [InlineData(0.03, 0.01, 0.05, ArmVerdict.Better)]
    [InlineData(-0.03, -0.05, -0.01, ArmVerdict.Worse)]
    [InlineData(0.0, -0.02, 0.02, ArmVerdict.Unclear)]
    [InlineData(0.02, 0.0, 0.04, ArmVerdict.Unclear)]
    public void Verdict_OnlyWhenTheWholeIntervalIsOnOneSide(double lift, double low, double high, ArmVerdict expected) =>
        ExperimentTable.Verdict(Arm(lift, low, high)).ShouldBe(expected);

    [Fact]
    public void Row_Holdout_HasNoLift()
    {
        var row = ExperimentTable.Row(Arm(null, null, null));

        row.Verdict.ShouldBe(ArmVerdict.Holdout);
        row.Lift.ShouldBe("—");
        row.Interval.ShouldBe("—");
        row.PValue.ShouldBe("—");
    }

    [Theory]
    [InlineData(0.0234, "+2.34")]
    [InlineData(-0.004, "-0.40")]
    [InlineData(-0.00001, "0.00")]
    [InlineData(0.00001, "0.00")]
    [InlineData(double.NaN, "—")]
    public void Points_SignedRoundedTwoDecimals(double rate, string expected) =>
        ExperimentTable.Points(rate).ShouldBe(expected);
}
