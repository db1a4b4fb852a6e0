using TagCenter.Core.Tags;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Tests.Index;

/// <summary>
/// Nine persons whose orders and events sit on the edges of <c>did</c>'s windows, as of <see cref="AsOf"/>
/// (the end of a month, at 10:00, so month windows clamp and every window keeps the time of day):
/// orders P1 at AsOf − 30d exactly, P2 1 µs later, P3 only after AsOf, P4 without a time, P5 at AsOf, P6 at
/// AsOf − 1mo (02-28 10:00) exactly, P7 1 s later and in 2000, P8 none, P9 only in 2000; plus a row without a
/// person and one of a OneID that is not a person. Cities: 上海 P1 P2 P4 P6 P7 P9, 北京 P3 P5 P8.
/// Events: P1 page_view AsOf − 2d, P2 page_view − 8d, P3 app_start − 1d, P5 page_view 1 h after AsOf,
/// P8 page_view − 7d exactly and app_start − 6d 23h.
/// </summary>
internal sealed class DidIndexFixture : IDisposable
{
    public static readonly DateTime AsOf = new(2026, 3, 31, 10, 0, 0);

    public const string Tags = """
        path: 测试
        tags:
          城市:
            code: city
            type: string
            from: city
        """;

    public DidIndexFixture(bool handRows = true)
    {
        Workspace.WithYaml("sources: {}").WithFile("tags/t.yaml", Tags);
        Db.Execute("""
            CREATE TABLE dim_person (oneid VARCHAR, city VARCHAR);
            CREATE TABLE fact_orders (oneid VARCHAR, event_time TIMESTAMP, amount DECIMAL(18,2));
            CREATE TABLE fact_events (oneid VARCHAR, event_time TIMESTAMP, "event" VARCHAR);
            """);
        if (!handRows)
            return;
        Db.Execute("""
            INSERT INTO dim_person VALUES ('P1', '上海'), ('P2', '上海'), ('P3', '北京'), ('P4', '上海'), ('P5', '北京'),
                ('P6', '上海'), ('P7', '上海'), ('P8', '北京'), ('P9', '上海');
            INSERT INTO fact_orders VALUES
                ('P1', TIMESTAMP '2026-03-01 10:00:00', 10), ('P2', TIMESTAMP '2026-03-01 10:00:00.000001', 20),
                ('P3', TIMESTAMP '2026-04-01 09:00:00', 30), ('P4', NULL, 40), ('P5', TIMESTAMP '2026-03-31 10:00:00', 50),
                ('P6', TIMESTAMP '2026-02-28 10:00:00', 60), ('P7', TIMESTAMP '2026-02-28 10:00:01', 70), ('P7', TIMESTAMP '2000-01-01 00:00:00', 5),
                ('P9', TIMESTAMP '2000-01-01 00:00:00', 90), (NULL, TIMESTAMP '2026-03-31 09:00:00', 1), ('X1', TIMESTAMP '2026-03-31 09:00:00', 1);
            INSERT INTO fact_events VALUES
                ('P1', TIMESTAMP '2026-03-29 10:00:00', 'page_view'), ('P2', TIMESTAMP '2026-03-23 10:00:00', 'page_view'),
                ('P3', TIMESTAMP '2026-03-30 10:00:00', 'app_start'), ('P5', TIMESTAMP '2026-03-31 11:00:00', 'page_view'),
                ('P8', TIMESTAMP '2026-03-24 10:00:00', 'page_view'), ('P8', TIMESTAMP '2026-03-24 11:00:00', 'app_start');
            """);
    }

    public TestWorkspace Workspace { get; } = new();

    public Storage.WorkspaceDatabase Db => Workspace.Database;

    public TagCatalog Catalog { get; private set; } = null!;

    /// <summary>A tag run as of <see cref="AsOf"/> (or <paramref name="asOf"/>) and the index built after it (as refresh does).</summary>
    public TagIndex Build(DateTime? asOf = null)
    {
        Catalog = TagCatalog.Load(Workspace.Root);
        new TagRunner(Db, TimeProvider.System).Run(Catalog, asOf ?? AsOf);
        TagIndexBuilder.Build(Db, Workspace.Root, Catalog, TimeProvider.System, TestContext.Current.CancellationToken);
        return TagIndex.OpenIfCurrent(Workspace.Root, Db)!;
    }

    /// <summary>The rule counted on <paramref name="index"/> and in SQL, at <paramref name="asOf"/>, and the plan.</summary>
    public (long Index, long Sql, string Plan) Count(Core.Index.ITagIndex index, string rule, DateTime? asOf = null)
    {
        var segment = Segments.SegmentFixture.Segment("s", rule);
        var counter = new IndexSegmentCounter(Db, Catalog, asOf ?? AsOf, index);
        var onIndex = counter.Count(segment, TestContext.Current.CancellationToken).Size;
        var inSql = new SegmentEvaluator(Db, Catalog, asOf ?? AsOf).Count(segment, TestContext.Current.CancellationToken).Size;
        return (onIndex, inSql, counter.LastPlan!);
    }

    public void Dispose() => Workspace.Dispose();
}
