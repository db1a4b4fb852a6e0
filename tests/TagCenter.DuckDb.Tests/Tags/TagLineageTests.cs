using Shouldly;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Tests.Tags;

public sealed class TagLineageTests : IDisposable
{
    private static readonly DateTime AsOf = new(2026, 11, 1);
    private readonly TestWorkspace _workspace = new();

    public TagLineageTests()
    {
        _workspace.WithYaml("sources: {}");
        _workspace.Database.Execute("""
            CREATE TABLE dim_person AS SELECT * FROM (VALUES ('P1', '上海'), ('P2', '北京'), ('P3', '广州')) t(oneid, city);
            CREATE TABLE fact_orders AS SELECT * FROM (VALUES ('P1', TIMESTAMP '2026-10-20'), ('P1', TIMESTAMP '2026-10-21'), ('P2', TIMESTAMP '2026-10-22')) t(oneid, event_time);
            """);
    }

    private TagCatalog Files(int threshold)
    {
        _workspace.WithFile("tags/t.yaml", $"""
            path: 测试
            tags:
              活跃:
                code: active
                kind: enum
                type: string
                values: [高, 低]
                rule: case when count('orders') >= {threshold} then '高' else '低' end
            """);
        return TagCatalog.Load(_workspace.Root);
    }

    [Fact]
    public void Of_EditedButNotApplied_PublishedRuleWithItsDistributionAndTheDraftApart()
    {
        var first = Files(2);
        PublishedCatalog.Publish(_workspace.Database, first, TagPlanner.Plan(_workspace.Database, first, AsOf), AsOf);
        new TagRunner(_workspace.Database, TimeProvider.System).Run(PublishedCatalog.Load(_workspace.Database)!, AsOf);

        var lineage = TagLineage.Of(_workspace.Database, _workspace.Definition, Files(1), "活跃");

        lineage.Published.ShouldBeTrue();
        lineage.Tag.Rule.ShouldBe("case when count('orders') >= 2 then '高' else '低' end");
        lineage.Distribution.ShouldBe([("低", 2L), ("高", 1L)]); // the published rule's values
        lineage.Draft.ShouldNotBeNull().Rule.ShouldBe("case when count('orders') >= 1 then '高' else '低' end");
    }

    [Fact]
    public void Of_Unchanged_NoDraft()
    {
        var files = Files(2);
        PublishedCatalog.Publish(_workspace.Database, files, TagPlanner.Plan(_workspace.Database, files, AsOf), AsOf);

        TagLineage.Of(_workspace.Database, _workspace.Definition, Files(2), "活跃").Draft.ShouldBeNull();
    }

    [Fact]
    public void Of_NeverApplied_DraftOnlyNoDistribution()
    {
        var lineage = TagLineage.Of(_workspace.Database, _workspace.Definition, Files(2), "活跃");

        lineage.Published.ShouldBeFalse();
        lineage.Draft.ShouldNotBeNull();
        lineage.Distribution.ShouldBeEmpty();
    }

    public void Dispose() => _workspace.Dispose();
}
