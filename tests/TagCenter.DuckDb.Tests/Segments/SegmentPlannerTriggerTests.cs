using Shouldly;
using TagCenter.Core.Activation;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Tests.Segments;

/// <summary>
/// The segments the activation engine evaluates for rule triggers (<c>trigger/…</c>) have no segment file: plan must
/// not list them as removed. A segment that had a file and lost it still is.
/// </summary>
public sealed class SegmentPlannerTriggerTests : IDisposable
{
    private readonly SegmentFixture _f = new();

    public SegmentPlannerTriggerTests()
    {
        Texts.Current = Language.En;
        var db = _f.Workspace.Database;
        PublishedCatalog.Publish(db, _f.Catalog, TagPlanner.Plan(db, _f.Catalog, SegmentFixture.First), new DateTime(2026, 11, 1));
    }

    [Fact]
    public void Plan_TriggerRuleSegment_NotListedAsRemoved()
    {
        var shanghai = SegmentFixture.Segment("上海", "城市 = '上海'");
        _f.RunAt(SegmentFixture.First, shanghai, SegmentFixture.Segment(TriggerOccurrences.RuleSegment("北京召回"), "城市 = '北京'"),
            SegmentFixture.Segment("北京", "城市 = '北京'"));

        var plan = TagPlanner.Plan(_f.Workspace.Database, _f.Catalog, new TagPlanOptions(SegmentFixture.First, TimeProvider.System, Segments: [shanghai]), CancellationToken.None);

        // 北京 lost its file (P3, one person); the trigger's segment never had one.
        plan.Segments.Select(s => (s.Action, s.Name, s.SizeBefore)).ShouldBe([(SegmentChangeAction.Removed, "北京", (long?)1)]);
    }

    public void Dispose() => _f.Dispose();
}
