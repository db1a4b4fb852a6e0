using Shouldly;
using TagCenter.Core.Segments;
using TagCenter.DuckDb.Segments;

namespace TagCenter.DuckDb.Tests.Segments;

public sealed class BoardFiguresTests : IDisposable
{
    private readonly SegmentFixture _f = new();

    [Fact]
    public void Of_FourRuns_ChangeSincePreviousAndWeekOverWeek()
    {
        _f.Workspace.WithFile("boards/b.yaml", "name: 看板\ncrowds:\n  上海有单: 城市 = '上海' and 近30天订单 > 0\n");
        // 上海 persons with an order in the 30 days before: 11-01 {P1,P4}; 11-12 {P1,P4,P2}; 11-20 {P4,P2} (P1's 10-20 order
        // just left); 11-25 {P4,P2}.
        foreach (var day in new[] { 1, 12, 20, 25 })
            _f.RunAt(new DateTime(2026, 11, day));
        var board = BoardCatalog.Load(_f.Workspace.Root, SegmentCatalog.From([])).Boards.Single();

        var row = BoardFigures.Of(_f.Workspace.Database, board).Single();

        row.Crowd.ShouldBe("上海有单");
        row.Latest!.Size.ShouldBe(2);
        (row.Previous, row.Change).ShouldBe((2L, 0L));
        // A week before 11-25 is 11-18: the run in force then is 11-12's.
        (row.WeekAgo, row.WeekChange).ShouldBe((3L, -1L));
    }

    public void Dispose() => _f.Dispose();
}
