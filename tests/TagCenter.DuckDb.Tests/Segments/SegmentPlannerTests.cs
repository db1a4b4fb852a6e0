using Shouldly;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Tests.Segments;

public sealed class SegmentPlannerTests : IDisposable
{
    private readonly SegmentFixture _f = new();

    public SegmentPlannerTests()
    {
        Texts.Current = Language.En;
        var db = _f.Workspace.Database;
        PublishedCatalog.Publish(db, _f.Catalog, TagPlanner.Plan(db, _f.Catalog, SegmentFixture.First), new DateTime(2026, 11, 1));
    }

    [Fact]
    public void Plan_RemovingATagASegmentUses_BlockedWithTheSegmentsPlace()
    {
        var files = TagCatalog.From([.. _f.Catalog.Tags.Where(t => t.Name != "近30天订单")]);
        var segment = SegmentFixture.Segment("上海有单", "城市 = '上海' and 近30天订单 > 0") with { RuleLine = 4 };

        var plan = TagPlanner.Plan(_f.Workspace.Database, files, new TagPlanOptions(SegmentFixture.First, TimeProvider.System, Segments: [segment]), CancellationToken.None);

        plan.Blocked.ShouldBeTrue();
        plan.Changes.Single().Dependents.ShouldBe(["segment '上海有单' (segments/上海有单.yaml:4:7)"]);
    }

    [Fact]
    public void Plan_RemovingATagNoSegmentUses_NotBlocked()
    {
        var files = TagCatalog.From([.. _f.Catalog.Tags.Where(t => t.Name != "近30天订单")]);

        var plan = TagPlanner.Plan(_f.Workspace.Database, files, new TagPlanOptions(SegmentFixture.First, TimeProvider.System, Segments: [SegmentFixture.Segment("上海", "城市 = '上海'")]), CancellationToken.None);

        plan.Blocked.ShouldBeFalse();
    }

    [Fact]
    public void Plan_ChangedAndNewSegments_SizeBeforeAndAfter()
    {
        _f.RunAt(SegmentFixture.Second, SegmentFixture.Segment("上海有单", "城市 = '上海' and 近30天订单 > 0"));
        var changed = SegmentFixture.Segment("上海有单", "城市 = '上海'");
        var added = SegmentFixture.Segment("北京", "城市 = '北京'");

        var plan = TagPlanner.Plan(_f.Workspace.Database, _f.Catalog, new TagPlanOptions(SegmentFixture.Second, TimeProvider.System, Segments: [changed, added]), CancellationToken.None);

        // Before: {P2, P4} as of 11-25; after: everyone in 上海 (P1, P2, P4); 北京: P3.
        plan.Segments.Select(s => (s.Action, s.Name, s.SizeBefore, s.SizeAfter)).ShouldBe([
            (SegmentChangeAction.Changed, "上海有单", (long?)2, (long?)3),
            (SegmentChangeAction.Added, "北京", null, 1),
        ]);
    }

    public void Dispose() => _f.Dispose();
}
