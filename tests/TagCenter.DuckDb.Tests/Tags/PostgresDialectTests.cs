using Npgsql;
using Shouldly;
using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Tests.Tags;

/// <summary>
/// The same tags compiled for PostgreSQL (to run where a user's data already is) give the same values as on
/// DuckDB. Against the real server .ci/run starts (TAGCENTER_TEST_PG); skipped, and said so, without it.
/// </summary>
public sealed class PostgresDialectTests : IDisposable
{
    private static readonly DateTime AsOf = new(2026, 11, 1);
    private readonly TestWorkspace _workspace = new();

    private const string Data = """
        CREATE TABLE dim_person (oneid VARCHAR, city VARCHAR, birthday DATE);
        INSERT INTO dim_person VALUES ('P1', '上海', DATE '1990-06-01'), ('P2', '北京', DATE '2001-01-01'), ('P3', NULL, NULL);
        CREATE TABLE fact_orders (oneid VARCHAR, event_time TIMESTAMP, amount DECIMAL(18,2), status VARCHAR, channel VARCHAR);
        INSERT INTO fact_orders VALUES ('P1', TIMESTAMP '2026-10-20 10:00:00', 100.00, 'paid', 'app'), ('P1', TIMESTAMP '2026-10-25 10:00:00', 50.00, 'refunded', 'web'),
            ('P1', TIMESTAMP '2026-03-01 10:00:00', 300.00, 'paid', 'app'), ('P2', TIMESTAMP '2026-09-01 10:00:00', 80.00, 'paid', 'web'),
            ('P2', TIMESTAMP '2026-11-05 10:00:00', 999.00, 'paid', 'web');
        CREATE TABLE fact_events (oneid VARCHAR, event_time TIMESTAMP, event VARCHAR);
        INSERT INTO fact_events VALUES ('P1', TIMESTAMP '2026-10-30 09:00:00', 'page_view'), ('P1', TIMESTAMP '2026-10-31 09:00:00', 'page_view'),
            ('P3', TIMESTAMP '2026-05-01 09:00:00', 'page_view');
        """;

    private const string Tags = """
        path: 测试
        tags:
          消费:
            code: spend
            type: decimal
            rule: >-
              sum('orders', amount, where: status = 'paid') - coalesce(sum('orders', amount, where: status = 'refunded'), 0)
          近30天访问:
            code: visits
            type: int
            rule: >-
              count('page_view', within: 30d)
          活跃度:
            code: activity
            kind: enum
            type: string
            values: [高, 低]
            rule: case when 近30天访问 >= 2 then '高' else '低' end
          年龄:
            code: age
            type: int
            rule: age
          距上次:
            code: days
            type: int
            rule: >-
              days_since('orders')
          首单渠道:
            code: first_channel
            type: string
            rule: >-
              first('orders', channel, where: status = 'paid')
          常用渠道:
            code: top_channel
            type: string
            rule: >-
              most('orders', channel)
          均价:
            code: avg_price
            type: decimal
            rule: >-
              round(avg('orders', amount, within: 1y) / 3, 2)
          上海人:
            code: shanghai
            type: bool
            rule: city contains '上海' and not (city is null)
          消费档:
            code: spend_band
            kind: enum
            type: string
            values: ["$100+", "$1", 低]
            rule: case when 消费 > 100 then '$100+' when 消费 > 0 then '$1' else '低' end
        """;

    /// <summary>Enum values that look like placeholders stay values: P1 spent 350, P2 80, P3 nothing.</summary>
    private static readonly string?[] Bands = ["$100+", "$1", "低"];

    [Fact]
    public void Run_EnumValuesLikePlaceholders_BoundAsValues()
    {
        _workspace.WithYaml("sources: {}").WithFile("tags/t.yaml", Tags);
        _workspace.Database.Execute(Data);
        var catalog = TagCatalog.Load(_workspace.Root);

        var report = new TagRunner(_workspace.Database, TimeProvider.System).Run(catalog, AsOf);

        _workspace.Rows("SELECT spend_band FROM person_tags ORDER BY oneid").Select(r => (string?)r[0]).ShouldBe(Bands);
        report.Tags.Single(t => t.Code == "spend_band").Violations.ShouldBe(0);
        var compiled = TagCompiler.Compile(catalog, new TagRunner(_workspace.Database, TimeProvider.System).Schema(), AsOf);
        compiled.Sql.ShouldNotContain("$100+");
        compiled.Parameters.ShouldContain("$100+");
        compiled.Parameters.ShouldContain("$1");
    }

    [Fact]
    public void Compile_Postgres_DialectSqlText()
    {
        _workspace.WithYaml("sources: {}").WithFile("tags/t.yaml", Tags);
        _workspace.Database.Execute(Data);
        var schema = new TagRunner(_workspace.Database, TimeProvider.System).Schema();

        var sql = TagCompiler.Compile(TagCatalog.Load(_workspace.Root), schema, AsOf, dialect: SqlDialect.Postgres).Sql;

        sql.ShouldMatch(@"make_interval\(days => CAST\(\$\d+ AS INTEGER\)\)");
        sql.ShouldContain("mode() WITHIN GROUP (ORDER BY \"channel\" COLLATE \"C\")");
        sql.ShouldContain("(array_agg(\"channel\" ORDER BY event_time, \"channel\" COLLATE \"C\") FILTER (WHERE ((\"status\" = CAST($");
        sql.ShouldContain("strpos(");
        sql.ShouldNotContain("TRY_CAST");
        sql.ShouldNotContain("date_diff");
    }

    [Fact]
    public async Task Run_OnPostgres_SameValuesAsDuckDb()
    {
        var connection = TagCenter.Tests.TestPostgres.Require("a tag run");
        _workspace.WithYaml("sources: {}").WithFile("tags/t.yaml", Tags);
        _workspace.Database.Execute(Data);
        var catalog = TagCatalog.Load(_workspace.Root);
        var runner = new TagRunner(_workspace.Database, TimeProvider.System);
        runner.Run(catalog, AsOf);
        var codes = catalog.Tags.Select(t => t.Code).ToList();
        var duck = _workspace.Rows($"SELECT oneid, {string.Join(", ", codes.Select(c => $"CAST(\"{c}\" AS VARCHAR)"))} FROM tc_tags ORDER BY oneid");

        var compiled = TagCompiler.Compile(catalog, runner.Schema(), AsOf, dialect: SqlDialect.Postgres);
        var schemaName = "tags_" + Guid.NewGuid().ToString("N")[..10];
        var cancel = TestContext.Current.CancellationToken;
        await using var pg = new NpgsqlConnection(connection);
        await pg.OpenAsync(cancel);
        try
        {
            await using (var setup = new NpgsqlCommand($"CREATE SCHEMA {schemaName}; SET search_path TO {schemaName}; {Data}", pg))
                await setup.ExecuteNonQueryAsync(cancel);
            await using var query = new NpgsqlCommand($"SELECT oneid, {string.Join(", ", codes.Select(c => $"CAST(\"{c}\" AS TEXT)"))} FROM ({compiled.Sql}) r ORDER BY oneid", pg);
            foreach (var parameter in compiled.Parameters)
                query.Parameters.Add(new NpgsqlParameter { Value = parameter });
            var rows = new List<object?[]>();
            await using (var reader = await query.ExecuteReaderAsync(cancel))
                while (await reader.ReadAsync(cancel))
                    rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray());

            rows.Count.ShouldBe(duck.Count);
            var band = codes.IndexOf("spend_band") + 1;
            rows.Select(r => (string?)r[band]).ShouldBe(Bands);
            duck.Select(r => (string?)r[band]).ShouldBe(Bands);
            for (var r = 0; r < rows.Count; r++)
                for (var c = 0; c < rows[r].Length; c++)
                    Normal(rows[r][c]).ShouldBe(Normal(duck[r][c]), $"{rows[r][0]} {(c == 0 ? "oneid" : codes[c - 1])}");
        }
        finally
        {
            await using var drop = new NpgsqlCommand($"DROP SCHEMA {schemaName} CASCADE", pg);
            await drop.ExecuteNonQueryAsync(cancel);
        }
    }

    /// <summary>Text forms differ only in spelling: true/t, 350.00/350.0.</summary>
    private static string? Normal(object? value) => value switch
    {
        null => null,
        string s when s is "t" or "true" => "true",
        string s when s is "f" or "false" => "false",
        string s when decimal.TryParse(s, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d) => d.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture),
    };

    public void Dispose() => _workspace.Dispose();
}
