using Shouldly;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Tests.Tags;

public sealed class TagPlannerTests : IDisposable
{
    private static readonly DateTime AsOf = new(2026, 11, 1);
    private readonly TestWorkspace _workspace = new();

    public TagPlannerTests()
    {
        _workspace.WithYaml("sources: {}");
        _workspace.Database.Execute("""
            CREATE TABLE dim_person AS SELECT * FROM (VALUES ('P1', '上海'), ('P2', '北京'), ('P3', '广州')) t(oneid, city);
            CREATE TABLE fact_orders AS SELECT * FROM (VALUES ('P1', TIMESTAMP '2026-10-20', 100.00), ('P1', TIMESTAMP '2026-10-21', 10.00), ('P2', TIMESTAMP '2026-10-22', 5.00)) t(oneid, event_time, amount);
            """);
    }

    private TagCatalog Files(string activityRule, bool withLoyal = true)
    {
        _workspace.WithFile("tags/t.yaml", $"""
            path: 测试
            tags:
              订单数:
                code: orders
                type: int
                rule: >-
                  count('orders')
              活跃:
                code: active
                kind: enum
                type: string
                values: [高, 低]
                rule: {activityRule}
            {(withLoyal ? "  忠诚:\n    code: loyal\n    type: bool\n    rule: 活跃 = '高'\n" : "")}
            """);
        return TagCatalog.Load(_workspace.Root);
    }

    [Fact]
    public void PlanApply_ChangedRule_ImpactCountedOnRealData()
    {
        var first = Files("case when 订单数 >= 2 then '高' else '低' end");
        var initial = TagPlanner.Plan(_workspace.Database, first, AsOf);
        initial.Changes.Select(c => c.Action).ShouldAllBe(a => a == TagChangeAction.Added);
        PublishedCatalog.Publish(_workspace.Database, first, initial, AsOf);
        new TagRunner(_workspace.Database, TimeProvider.System).Run(PublishedCatalog.Load(_workspace.Database)!, AsOf);

        var plan = TagPlanner.Plan(_workspace.Database, Files("case when 订单数 >= 1 then '高' else '低' end"), AsOf);

        var change = plan.Changes.ShouldHaveSingleItem();
        change.Action.ShouldBe(TagChangeAction.Changed);
        change.What.ShouldBe(["rule"]);
        change.PersonsChanging.ShouldBe(1); // P2 has one order: 低 → 高
        change.Transitions.ShouldBe([("低", "高", 1L)]);
        plan.Blocked.ShouldBeFalse();
    }

    [Fact]
    public void Plan_RemovingTagWhoseOnlyUserChangesToo_Allowed()
    {
        var first = Files("case when 订单数 >= 2 then '高' else '低' end");
        PublishedCatalog.Publish(_workspace.Database, first, TagPlanner.Plan(_workspace.Database, first, AsOf), AsOf);
        _workspace.WithFile("tags/t.yaml", """
            path: 测试
            tags:
              订单数:
                code: orders
                type: int
                rule: >-
                  count('orders')
              忠诚:
                code: loyal
                type: bool
                rule: 订单数 > 1
            """);
        // The published 忠诚 reads 活跃, the file version no longer does: apply publishes both at once, so nothing breaks.
        var plan = TagPlanner.Plan(_workspace.Database, TagCatalog.Load(_workspace.Root), AsOf);

        var removal = plan.Changes.Single(c => c.Action == TagChangeAction.Removed);
        removal.Name.ShouldBe("活跃");
        removal.Dependents.ShouldBeEmpty();
        plan.Blocked.ShouldBeFalse();
    }

    [Fact]
    public void Plan_NothingChanged_Empty()
    {
        var files = Files("case when 订单数 >= 2 then '高' else '低' end");
        PublishedCatalog.Publish(_workspace.Database, files, TagPlanner.Plan(_workspace.Database, files, AsOf), AsOf);

        TagPlanner.Plan(_workspace.Database, TagCatalog.Load(_workspace.Root), AsOf).Changes.ShouldBeEmpty();
        _workspace.Database.Scalar<long>("SELECT count(*) FROM tag_catalog_history WHERE action = 'added'").ShouldBe(3);
    }

    private TagCatalog Windowed(string type, string low, string high)
    {
        _workspace.WithFile("tags/t.yaml", $"""
            path: 测试
            tags:
              近30天订单:
                code: orders_30d
                type: {type}
                rule: >-
                  count('orders', within: 30d)
              活跃:
                code: active
                kind: enum
                type: string
                values: [高, 中, 低]
                rule: case when 近30天订单 >= {high} then '高' when 近30天订单 >= {low} then '中' else '低' end
            """);
        return TagCatalog.Load(_workspace.Root);
    }

    private void PublishAndRun(TagCatalog catalog)
    {
        PublishedCatalog.Publish(_workspace.Database, catalog, TagPlanner.Plan(_workspace.Database, catalog, AsOf), AsOf);
        new TagRunner(_workspace.Database, TimeProvider.System).Run(PublishedCatalog.Load(_workspace.Database)!, AsOf);
    }

    [Fact]
    public void Plan_LoweredThresholdLaterAsOf_BothRulesAtThatAsOf_NoImpossibleTransitions()
    {
        PublishAndRun(Windowed("int", "1", "2")); // as of 1 Nov: P1 高 (2 orders in 30 days), P2 中, P3 低

        // On 15 Dec every order is older than 30 days: under either rule everyone is 低, so lowering cannot change anyone.
        var plan = TagPlanner.Plan(_workspace.Database, Windowed("int", "1", "1"), new DateTime(2026, 12, 15));

        plan.AsOf.ShouldBe(new DateTime(2026, 12, 15));
        plan.AsOfSource.ShouldBe(PlanAsOfSource.Given);
        var change = plan.Changes.ShouldHaveSingleItem();
        change.PersonsChanging.ShouldBe(0);
        change.Transitions.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_NoAsOf_UsesTheSnapshotsAsOfAndSaysSo()
    {
        PublishAndRun(Windowed("int", "1", "2"));

        var plan = TagPlanner.Plan(_workspace.Database, Windowed("int", "1", "1"), new TagPlanOptions(null, TimeProvider.System), TestContext.Current.CancellationToken);

        plan.AsOf.ShouldBe(AsOf);
        plan.AsOfSource.ShouldBe(PlanAsOfSource.Snapshot);
        plan.Changes.ShouldHaveSingleItem().Transitions.ShouldBe([("中", "高", 1L)]); // P2's one order
    }

    [Fact]
    public void Plan_IntToDecimal_SameNumbers_NoChange()
    {
        PublishAndRun(Windowed("int", "1", "2"));

        var plan = TagPlanner.Plan(_workspace.Database, Windowed("decimal", "1", "2"), new TagPlanOptions(null, TimeProvider.System), TestContext.Current.CancellationToken);

        var change = plan.Changes.ShouldHaveSingleItem();
        change.What.ShouldBe(["type"]);
        change.PersonsChanging.ShouldBe(0); // 2 = 2.00
    }

    public void Dispose() => _workspace.Dispose();
}
