using Shouldly;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Tests.Tags;

/// <summary>
/// first() and last() when rows share the earliest (latest) event time: the SQL and the evaluator both take the
/// smallest (largest) of the tied values, every time (DuckDB's arg_min and PostgreSQL's array_agg order each picked
/// their own: CI's agreement test saw last() give "refunded" on DuckDB and "paid" on PostgreSQL). Rows without a value
/// or without a time are not candidates, in either.
/// </summary>
public sealed class FirstLastTieTests : IDisposable
{
    private static readonly DateTime AsOf = new(2026, 11, 1);
    private static readonly DateTime Early = new(2026, 10, 1), Late = new(2026, 10, 20);
    private readonly TestWorkspace _workspace = new();

    public FirstLastTieTests()
    {
        _workspace.WithYaml("sources: {}").WithFile("tags/t.yaml", """
            path: 测试
            tags:
              首单渠道:
                code: first_channel
                type: string
                rule: >-
                  first('orders', channel)
              末单渠道:
                code: last_channel
                type: string
                rule: >-
                  last('orders', channel)
            """);
        var db = _workspace.Database;
        db.Execute("CREATE TABLE dim_person AS SELECT * FROM (VALUES ('P1'), ('P2'), ('P3')) t(oneid)");
        db.Execute("CREATE TABLE fact_orders (oneid VARCHAR, event_time TIMESTAMP, channel VARCHAR)");
        foreach (var (person, time, channel) in Rows)
            db.Execute("INSERT INTO fact_orders VALUES ($1, $2, $3)", person, time, channel);
    }

    // P1: "web" and "app" tie first, "app", "门店" and "web" tie last; P2: the latest row has no channel; P3: a row without a time.
    private static readonly (string Person, DateTime? Time, string? Channel)[] Rows =
    [
        ("P1", Early, "web"), ("P1", Early, "app"), ("P1", Late, "web"), ("P1", Late, "门店"), ("P1", Late, "app"),
        ("P2", Early, "web"), ("P2", Late, null),
        ("P3", null, "app"), ("P3", Late, "web"),
    ];

    [Fact]
    public void TiesGoToTheSmallestFirstAndTheLargestLast_InSqlAndInTheEvaluator()
    {
        var catalog = TagCatalog.Load(_workspace.Root);
        var runner = new TagRunner(_workspace.Database, TimeProvider.System);
        runner.Run(catalog, AsOf);
        var sql = _workspace.Database.Rows("SELECT oneid, first_channel, last_channel FROM tc_tags ORDER BY oneid")
            .ToDictionary(r => (string)r[0]!, r => ((string?)r[1], (string?)r[2]));
        // Code-point order: "app" < "web" < "门店".
        var expected = new Dictionary<string, (string?, string?)> { ["P1"] = ("app", "门店"), ["P2"] = ("web", "web"), ["P3"] = ("web", "web") };
        sql.ShouldBe(expected);

        var compiled = TagCompiler.Compile(catalog, runner.Schema(), AsOf);
        foreach (var person in expected.Keys)
        {
            var orders = Rows.Where(r => r.Person == person)
                .Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["event_time"] = r.Time, ["channel"] = r.Channel }).ToList();
            var values = TagEvaluator.Evaluate(compiled, new PersonData(new Dictionary<string, object?>(), new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>> { ["orders"] = orders }), AsOf);
            ((string?)values["first_channel"], (string?)values["last_channel"]).ShouldBe(expected[person], person);
        }
    }

    public void Dispose() => _workspace.Dispose();
}
