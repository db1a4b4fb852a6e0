using Shouldly;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Tests.Tags;

/// <summary>
/// most() on a tie: the SQL and the evaluator both take the smallest of the most frequent values, every time, so
/// identical runs store no change (DuckDB's mode() alone picks any of them).
/// </summary>
public sealed class MostTieTests : IDisposable
{
    private static readonly DateTime AsOf = new(2026, 11, 1);
    private static readonly string[] Channels = ["微信", "app", "门店", "web", "小程序", "抖音"];
    private readonly TestWorkspace _workspace = new();

    public MostTieTests()
    {
        _workspace.WithYaml("sources: {}").WithFile("tags/t.yaml", """
            path: 测试
            tags:
              偏好渠道:
                code: channel
                type: string
                rule: >-
                  most('orders', channel)
            """);
        var db = _workspace.Database;
        db.Execute("CREATE TABLE dim_person AS SELECT * FROM (VALUES ('P1'), ('P2'), ('P3')) t(oneid)");
        db.Execute("CREATE TABLE fact_orders (oneid VARCHAR, event_time TIMESTAMP, channel VARCHAR)");
        // P1: six channels once each (a six-way tie); P2: 门店 twice beats app and web once; P3: app and web twice, NULL thrice.
        foreach (var (channel, i) in Channels.Select((c, i) => (c, i)))
            db.Execute("INSERT INTO fact_orders VALUES ('P1', $1, $2)", AsOf.AddDays(-1 - i), channel);
        db.Execute("""
            INSERT INTO fact_orders VALUES
              ('P2', TIMESTAMP '2026-10-01', 'web'), ('P2', TIMESTAMP '2026-10-02', '门店'), ('P2', TIMESTAMP '2026-10-03', 'app'), ('P2', TIMESTAMP '2026-10-04', '门店'),
              ('P3', TIMESTAMP '2026-10-01', 'web'), ('P3', TIMESTAMP '2026-10-02', NULL), ('P3', TIMESTAMP '2026-10-03', 'app'),
              ('P3', TIMESTAMP '2026-10-04', NULL), ('P3', TIMESTAMP '2026-10-05', 'web'), ('P3', TIMESTAMP '2026-10-06', 'app'), ('P3', TIMESTAMP '2026-10-07', NULL)
            """);
    }

    [Fact]
    public void TiesGoToTheSmallestValue_InSqlAndInTheEvaluator()
    {
        var catalog = TagCatalog.Load(_workspace.Root);
        var runner = new TagRunner(_workspace.Database, TimeProvider.System);
        runner.Run(catalog, AsOf);
        var sql = _workspace.Database.Rows("SELECT oneid, channel FROM tc_tags ORDER BY oneid").ToDictionary(r => (string)r[0]!, r => r[1]);
        // "app" < "web" < "小程序" < "微信" < "抖音" < "门店" in code-point order.
        sql.ShouldBe(new Dictionary<string, object?> { ["P1"] = "app", ["P2"] = "门店", ["P3"] = "app" });

        var compiled = TagCompiler.Compile(catalog, runner.Schema(), AsOf);
        var p1 = new PersonData(new Dictionary<string, object?>(), new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>
        {
            ["orders"] = Channels.Reverse().Select((c, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["event_time"] = AsOf.AddDays(-1 - i), ["channel"] = c }).ToList(),
        });
        TagEvaluator.Evaluate(compiled, p1, AsOf)["channel"].ShouldBe("app");
    }

    [Fact]
    public void IdenticalRunsStoreNoChange()
    {
        var catalog = TagCatalog.Load(_workspace.Root);
        var runner = new TagRunner(_workspace.Database, TimeProvider.System);
        runner.Run(catalog, AsOf);
        var before = _workspace.Database.Scalar<long>("SELECT count(*) FROM tag_history");
        for (var i = 0; i < 5; i++)
            runner.Run(catalog, AsOf);
        _workspace.Database.Scalar<long>("SELECT count(*) FROM tag_history").ShouldBe(before);
        _workspace.Database.Scalar<long>("SELECT count(*) FROM tag_history WHERE valid_to IS NOT NULL").ShouldBe(0);
    }

    public void Dispose() => _workspace.Dispose();
}
