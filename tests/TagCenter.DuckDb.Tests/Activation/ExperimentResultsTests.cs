using Shouldly;
using TagCenter.Core.Activation;
using TagCenter.DuckDb.Activation;
using TagCenter.DuckDb.Tests.Segments;

namespace TagCenter.DuckDb.Tests.Activation;

/// <summary>
/// <see cref="SegmentFixture"/>'s 上海有单 is {P1, P4} as of 11-01 and {P2, P4} as of 11-25. Extra orders: P4 on 11-15
/// (14 days after 11-01), P2 on 12-30 (35 days after 11-25), P1 none after 10-20.
/// </summary>
public sealed class ExperimentResultsTests : IDisposable
{
    private readonly SegmentFixture _f = new();

    public ExperimentResultsTests()
    {
        _f.Workspace.Database.Execute("""
            INSERT INTO fact_orders VALUES ('P4', TIMESTAMP '2026-11-15 10:00:00', 5.0), ('P2', TIMESTAMP '2026-12-30 10:00:00', 6.0)
            """);
        var segment = SegmentFixture.Segment("上海有单", "城市 = '上海' and 近30天订单 > 0");
        _f.RunAt(SegmentFixture.First, segment);
        _f.RunAt(SegmentFixture.Second, segment);
    }

    private static ExperimentDefinition Experiment(DateTime? start) => new()
    {
        Name = "e",
        Segment = "上海有单",
        Arms = [new ExperimentArm("A", 100, [])],
        Holdout = 0,
        Goal = new ExperimentGoal("orders", TimeSpan.FromDays(30), null, null),
        Start = start,
        File = "f",
    };

    [Fact]
    public void Compute_NoStart_EachAssignedWhenEntered()
    {
        // Members now: P4 (entered 11-01, ordered 11-15: converted) and P2 (entered 11-25, next order 12-30: too late).
        var r = ExperimentResults.Compute(_f.Workspace.Database, Experiment(null), _f.Catalog);

        r.Members.ShouldBe(2);
        r.Arms.Single(a => a.Arm == "A").Counts.ShouldBe(new ArmCounts(2, 1));
    }

    [Fact]
    public void Compute_Start_MembersOfTheEvaluationInForce()
    {
        // In force on 11-02: the 11-01 evaluation, {P1, P4}; P4's 11-15 order converts, P1 has none.
        var r = ExperimentResults.Compute(_f.Workspace.Database, Experiment(new DateTime(2026, 11, 2)), _f.Catalog);

        r.Arms.Single(a => a.Arm == "A").Counts.ShouldBe(new ArmCounts(2, 1));
        ExperimentResults.Compute(_f.Workspace.Database, Experiment(new DateTime(2026, 10, 1)), _f.Catalog).Members.ShouldBe(0);
    }

    public void Dispose() => _f.Dispose();
}
