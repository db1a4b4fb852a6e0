using Shouldly;
using TagCenter.Core.Activation;

namespace TagCenter.Core.Tests.Activation;

public sealed class ArmAssignmentTests
{
    private static ExperimentDefinition Experiment(string name = "召回") => new()
    {
        Name = name,
        Segment = "S",
        Arms = [new ExperimentArm("A", 45, []), new ExperimentArm("B", 45, [])],
        Holdout = 10,
        Goal = new ExperimentGoal("orders", TimeSpan.FromDays(14), null, null),
        File = "f",
    };

    [Fact]
    public void Arm_SegmentGrows_EarlierPersonsKeepTheirArm()
    {
        var e = Experiment();
        var first = Enumerable.Range(0, 2000).Select(i => $"P{i}").ToDictionary(p => p, p => ArmAssignment.Arm(e, p));

        // Assignment never looks at who else is there: evaluate in another order with 3,000 more persons around.
        var grown = Enumerable.Range(0, 5000).Select(i => $"P{i}").Reverse().ToDictionary(p => p, p => ArmAssignment.Arm(e, p));

        foreach (var (person, arm) in first)
            grown[person].ShouldBe(arm);
    }

    [Fact]
    public void Arm_ManyPersons_SharesNearTheirPercentages()
    {
        var e = Experiment();
        var counts = Enumerable.Range(0, 20_000).Select(i => ArmAssignment.Arm(e, $"P{i}")).GroupBy(a => a).ToDictionary(g => g.Key!, g => g.Count());

        // Binomial standard deviation at n = 20,000: sqrt(n·0.45·0.55) ≈ 70 and sqrt(n·0.1·0.9) ≈ 42; allow 5 of them.
        counts["A"].ShouldBeInRange(9000 - 350, 9000 + 350);
        counts["B"].ShouldBeInRange(9000 - 350, 9000 + 350);
        counts[ArmAssignment.Holdout].ShouldBeInRange(2000 - 210, 2000 + 210);
    }

    [Fact]
    public void Arm_OtherExperiment_SplitsIndependently()
    {
        var a = Experiment("一");
        var b = Experiment("二");
        var same = Enumerable.Range(0, 10_000).Count(i => ArmAssignment.Arm(a, $"P{i}") == ArmAssignment.Arm(b, $"P{i}"));

        // Independent splits agree with probability 0.45² + 0.45² + 0.1² = 0.415.
        same.ShouldBeInRange(3900, 4400);
    }
}
