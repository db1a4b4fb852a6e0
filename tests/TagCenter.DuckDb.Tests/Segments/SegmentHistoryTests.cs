using Shouldly;
using TagCenter.Core.Segments;
using TagCenter.DuckDb.Segments;

namespace TagCenter.DuckDb.Tests.Segments;

public sealed class SegmentHistoryTests : IDisposable
{
    private readonly SegmentFixture _f = new();

    private static readonly SegmentDefinition Dynamic = SegmentFixture.Segment("上海有单", "城市 = '上海' and 近30天订单 > 0");
    private static readonly SegmentDefinition Frozen = SegmentFixture.Segment("上海有单静态", "城市 = '上海' and 近30天订单 > 0", SegmentType.Static);
    private static readonly SegmentDefinition Ordered = SegmentFixture.Segment("有单", "近30天订单 > 0");

    [Fact]
    public void TwoRuns_DynamicFollowsTheData_StaticKeepsItsFirstMembers()
    {
        var first = _f.RunAt(SegmentFixture.First, Dynamic, Frozen);
        var second = _f.RunAt(SegmentFixture.Second, Dynamic, Frozen);

        first.Runs.Select(r => (r.Segment, r.Size, r.Entered, r.Left)).ShouldBe([("上海有单", 2L, 2L, 0L), ("上海有单静态", 2L, 2L, 0L)]);
        // As of 11-25: P1's order (10-20) left the window, P2's (11-10) entered it; P3 is in 北京.
        second.Runs.Select(r => (r.Segment, r.Size, r.Entered, r.Left)).ShouldBe([("上海有单", 2L, 1L, 1L)]);
        var db = _f.Workspace.Database;
        SegmentHistory.Members(db, "上海有单", first.Seq).ShouldBe(["P1", "P4"]);
        SegmentHistory.Members(db, "上海有单", second.Seq).ShouldBe(["P2", "P4"]);
        var frozen = SegmentHistory.At(db, "上海有单静态", null)!;
        SegmentHistory.Members(db, "上海有单静态", frozen.Seq).ShouldBe(["P1", "P4"]);
        SegmentHistory.Runs(db, "上海有单静态").Count.ShouldBe(1);
    }

    [Fact]
    public void At_DateBetweenRuns_TheRunInForceThen()
    {
        _f.RunAt(SegmentFixture.First, Dynamic);
        _f.RunAt(SegmentFixture.Second, Dynamic);
        var db = _f.Workspace.Database;

        var then = SegmentHistory.At(db, "上海有单", new DateTime(2026, 11, 10))!;

        SegmentHistory.Members(db, "上海有单", then.Seq).ShouldBe(["P1", "P4"]);
        SegmentHistory.At(db, "上海有单", new DateTime(2026, 10, 1)).ShouldBeNull();
        SegmentHistory.Runs(db, "上海有单").Select(r => r.Size).ShouldBe([2L, 2L]);
        // Stored as changes: P4 stayed, so one interval for P4, one closed for P1, one open for P2.
        db.Scalar<long>("SELECT count(*) FROM segment_members WHERE segment = '上海有单'").ShouldBe(3);
    }

    [Fact]
    public void At_RunsBackInTime_TheLatestDataAsOfThenWins()
    {
        _f.RunAt(SegmentFixture.Second, Dynamic); // seq 1: data as of 11-25 → {P2, P4}
        _f.RunAt(SegmentFixture.First, Dynamic);  // seq 2: a re-run as of 11-01 → {P1, P4}
        var db = _f.Workspace.Database;

        var then = SegmentHistory.At(db, "上海有单", new DateTime(2026, 11, 26))!;

        // Not the last evaluation (seq 2, as of 11-01) but the one whose data is the latest by 11-26.
        SegmentHistory.Members(db, "上海有单", then.Seq).ShouldBe(["P2", "P4"]);
        SegmentHistory.Members(db, "上海有单", SegmentHistory.At(db, "上海有单", new DateTime(2026, 11, 2))!.Seq).ShouldBe(["P1", "P4"]);
    }

    [Fact]
    public void Overlap_HandMadeSets_CountsAndJaccard()
    {
        var pass = _f.RunAt(SegmentFixture.Second, Dynamic, Ordered);
        var runs = pass.Runs.OrderBy(r => r.Segment, StringComparer.Ordinal).ToList(); // 上海有单 {P2,P4}, 有单 {P2,P3,P4}

        var matrix = SegmentHistory.Overlap(_f.Workspace.Database, runs);

        (matrix[0, 0], matrix[1, 1], matrix[0, 1], matrix[1, 0]).ShouldBe((2L, 3L, 2L, 2L));
        SegmentHistory.Jaccard(2, 3, 2).ShouldBe(2.0 / 3, 1e-12);
        SegmentHistory.Jaccard(0, 0, 0).ShouldBe(1);
    }

    [Fact]
    public void Evaluate_BrokenRule_ReportedWithItsPlace_OthersStillEvaluated()
    {
        var broken = SegmentFixture.Segment("坏", "城事 = '上海'");

        var pass = _f.RunAt(SegmentFixture.First, broken, Ordered);

        pass.Runs.Select(r => (r.Segment, r.Size)).ShouldBe([("有单", 2L)]);
        var problem = pass.Problems.Single();
        (problem.File, problem.Line, problem.Column).ShouldBe(("segments/坏.yaml", 1, 7));
        problem.Message.ShouldContain("城市");
    }

    public void Dispose() => _f.Dispose();
}
