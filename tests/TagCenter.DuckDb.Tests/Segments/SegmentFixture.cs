using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Tests.Segments;

/// <summary>
/// Four persons checked by hand. Orders: P1 (上海) on 10-20, P3 (北京) on 11-20, P4 (上海) on 10-28, P2 (上海) on 11-10.
/// As of 11-01 the last 30 days hold P1 and P4; as of 11-25 they hold P2, P3 and P4.
/// </summary>
internal sealed class SegmentFixture : IDisposable
{
    public static readonly DateTime First = new(2026, 11, 1);
    public static readonly DateTime Second = new(2026, 11, 25);

    public const string Tags = """
        path: 测试
        tags:
          城市:
            code: city
            type: string
            from: city
          近30天订单:
            code: orders_30d
            type: int
            rule: >-
              count('orders', within: 30d)
        """;

    public SegmentFixture()
    {
        Workspace.WithYaml("sources: {}").WithFile("tags/t.yaml", Tags);
        Workspace.Database.Execute("""
            CREATE TABLE dim_person AS SELECT * FROM (VALUES ('P1', '上海'), ('P2', '上海'), ('P3', '北京'), ('P4', '上海')) t(oneid, city);
            CREATE TABLE fact_orders AS SELECT * FROM (VALUES
                ('P1', TIMESTAMP '2026-10-20 10:00:00', 10.0),
                ('P3', TIMESTAMP '2026-11-20 10:00:00', 20.0),
                ('P4', TIMESTAMP '2026-10-28 10:00:00', 30.0),
                ('P2', TIMESTAMP '2026-11-10 10:00:00', 40.0)) t(oneid, event_time, amount);
            """);
        Catalog = TagCatalog.Load(Workspace.Root);
    }

    public TestWorkspace Workspace { get; } = new();

    public TagCatalog Catalog { get; }

    public static SegmentDefinition Segment(string name, string rule, SegmentType type = SegmentType.Dynamic) =>
        new() { Name = name, Rule = rule, Type = type, File = $"segments/{name}.yaml", RuleLine = 1, RuleColumn = 7 };

    /// <summary>A tag run as of <paramref name="asOf"/>, then the pass over the segments due after it (as refresh does).</summary>
    public SegmentPassReport RunAt(DateTime asOf, params SegmentDefinition[] segments)
    {
        var report = new TagRunner(Workspace.Database, TimeProvider.System).Run(Catalog, asOf);
        var due = SegmentPass.Due(Workspace.Database, SegmentCatalog.From(segments), BoardCatalog.Load(Workspace.Root, SegmentCatalog.From(segments)));
        return SegmentPass.Run(Workspace.Database, Catalog, due, asOf, report.RunId, TimeProvider.System);
    }

    public void Dispose() => Workspace.Dispose();
}
