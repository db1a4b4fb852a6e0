using Shouldly;
using TagCenter.Core.Activation;
using TagCenter.DuckDb.Activation;
using TagCenter.DuckDb.Tests.Segments;

namespace TagCenter.DuckDb.Tests.Activation;

/// <summary>
/// <see cref="SegmentFixture"/>'s 近30天订单 (P1..P4): as of 11-01 P1=1 P2=0 P3=0 P4=1; as of 11-25 P1=0 P2=1 P3=1 P4=1.
/// 城市 never changes.
/// </summary>
public sealed class TagEvaluationTests : IDisposable
{
    private readonly SegmentFixture _f = new();

    private static readonly TagUsage Unused = new([], [], [], []);

    [Fact]
    public void Evaluate_TwoRuns_CoverageAndStabilityByHand()
    {
        _f.RunAt(SegmentFixture.First);
        _f.RunAt(SegmentFixture.Second);

        var orders = TagEvaluation.Evaluate(_f.Workspace.Database, _f.Catalog.Find("近30天订单")!, Unused, null, TimeSpan.FromDays(30));
        var city = TagEvaluation.Evaluate(_f.Workspace.Database, _f.Catalog.Find("城市")!, Unused, null, TimeSpan.FromDays(30));

        orders.Coverage.Select(c => (c.Persons, c.Population)).ShouldBe([(4L, 4L), (4L, 4L)]);
        // P1 1→0, P2 0→1, P3 0→1 flipped; P4 kept 1: 3 of 4.
        orders.Stability.ShouldBe(0.75);
        city.Stability.ShouldBe(0);
    }

    [Fact]
    public void Evaluate_GoalEvent_RateWithAndWithoutEachValue()
    {
        _f.Workspace.Database.Execute("INSERT INTO fact_orders VALUES ('P4', TIMESTAMP '2026-11-15 10:00:00', 5.0)");
        _f.RunAt(SegmentFixture.First);

        // Window after 11-01 (the data reaches 11-20, not 12-01): with 7 days, orders in (11-01, 11-08]: none;
        // with 14 days, (11-01, 11-15]: P4. 城市 = 上海 {P1, P2, P4}: 1 of 3; not 上海 {P3}: 0 of 1.
        var city = TagEvaluation.Evaluate(_f.Workspace.Database, _f.Catalog.Find("城市")!, Unused, "orders", TimeSpan.FromDays(14));

        var shanghai = city.Contribution.Single(c => c.Value == "上海");
        (shanghai.With, shanghai.Without).ShouldBe((new ArmCounts(3, 1), new ArmCounts(1, 0)));
        shanghai.Lift.ShouldBe(1.0 / 3, 1e-12);
    }

    public void Dispose() => _f.Dispose();
}
