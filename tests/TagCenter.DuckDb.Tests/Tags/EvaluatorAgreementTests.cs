using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Tests.Tags;

/// <summary>
/// The in-memory evaluator (real-time path), the SQL on DuckDB and — when TAGCENTER_TEST_PG names a server —
/// the same tags compiled for PostgreSQL give the same values, on random data.
/// </summary>
public sealed class EvaluatorAgreementTests
{
    private static readonly DateTime AsOf = new(2026, 11, 1, 12, 0, 0);

    private const string Tags = """
        path: 测试
        tags:
          订单数:
            code: n_orders
            type: int
            rule: >-
              count('orders', where: status = 'paid')
          近30天订单:
            code: n30
            type: int
            rule: >-
              count('orders', within: 30d)
          近1周浏览:
            code: pv7
            type: int
            rule: >-
              count('page_view', within: 1w)
          消费:
            code: spend
            type: decimal
            rule: >-
              sum('orders', amount, where: status = 'paid' and amount between 10 and 500)
          均价:
            code: avg_amount
            type: decimal
            rule: >-
              round(avg('orders', amount, within: 90d), 2)
          最大单:
            code: max_amount
            type: decimal
            rule: >-
              max('orders', amount, where: status in ('paid', 'refunded'))
          浏览过:
            code: viewed
            type: bool
            rule: >-
              did('page_view', within: 3mo) or did('orders', within: 1y, where: amount > 300)
          距今:
            code: days
            type: int
            rule: >-
              days_since('orders', where: status <> 'cancelled')
          等级:
            code: level
            kind: enum
            type: string
            values: [高, 中, 低]
            rule: >-
              case when 订单数 >= 3 then '高' when 订单数 >= 1 or 浏览过 then '中' when 订单数 = 0 then '低' end
          城市等级:
            code: city_level
            kind: enum
            type: string
            values: [一线, 其他]
            rule: >-
              case when city in ('上海', '北京') then '一线' when city is not null then '其他' end
          年轻:
            code: young
            type: bool
            rule: >-
              age < 30 and not (city = '广州')
          客单:
            code: aov
            type: decimal
            rule: >-
              coalesce(消费, 0) / 订单数
          最近:
            code: latest
            type: timestamp
            rule: >-
              greatest(max('orders', event_time, where: status = 'paid'), max('events', event_time))
          最小单:
            code: min_amount
            type: decimal
            rule: >-
              min('orders', amount, where: status <> 'cancelled')
          较早:
            code: earlier
            type: timestamp
            rule: >-
              least(min('orders', event_time, within: 1y), max('page_view', event_time), null)
          首单:
            code: first_amount
            type: decimal
            rule: >-
              first('orders', amount, where: status = 'paid')
          末单:
            code: last_status
            type: string
            rule: >-
              last('orders', status, within: 90d)
        """;

    private sealed record Order(int Person, int DaysAgo, decimal Amount, string Status);

    private sealed record View(int Person, int HoursAgo, string Event);

    private static Gen<(string?[] Cities, int?[] Ages, Order[] Orders, View[] Views)> Data() =>
        from n in Gen.Choose(1, 6)
        from cities in Gen.ArrayOf(Gen.Elements<string?>("上海", "北京", "广州", null), n)
        from ages in Gen.ArrayOf(Gen.Elements<int?>(18, 29, 30, 45, null), n)
        from orders in Gen.ListOf(from p in Gen.Choose(0, n - 1)
                                  from d in Gen.Choose(-5, 400)
                                  from a in Gen.Choose(0, 60000)
                                  from s in Gen.Elements("paid", "refunded", "cancelled")
                                  select new Order(p, d, a / 100m, s))
        from views in Gen.ListOf(from p in Gen.Choose(0, n - 1)
                                 from h in Gen.Choose(-24, 24 * 120)
                                 from e in Gen.Elements("page_view", "app_start")
                                 select new View(p, h, e))
        select (cities, ages, orders.ToArray(), views.ToArray());

    [FsCheck.Xunit.Property(MaxTest = 25)]
    public Property Evaluator_AgreesWithDuckDb() => Prop.ForAll(Data().ToArbitrary(), data =>
    {
        using var workspace = new TestWorkspace();
        workspace.WithYaml("sources: {}").WithFile("tags/t.yaml", Tags);
        var db = workspace.Database;
        db.Execute("CREATE TABLE dim_person (oneid VARCHAR, city VARCHAR, birthday DATE)");
        db.Execute("CREATE TABLE fact_orders (oneid VARCHAR, event_time TIMESTAMP, amount DECIMAL(18,2), status VARCHAR)");
        db.Execute("CREATE TABLE fact_events (oneid VARCHAR, event_time TIMESTAMP, event VARCHAR)");
        // Someone outside the sample has used both events, so the rules' event names are known ones.
        db.Execute("INSERT INTO fact_events VALUES ('someone-else', TIMESTAMP '2026-01-01', 'page_view'), ('someone-else', TIMESTAMP '2026-01-01', 'app_start')");
        for (var p = 0; p < data.Cities.Length; p++)
            db.Execute("INSERT INTO dim_person VALUES ($1, $2, $3)", $"P{p}", data.Cities[p],
                data.Ages[p] is { } age ? AsOf.Date.AddDays(-age * 365.25 - 10) : null);
        foreach (var o in data.Orders)
            db.Execute("INSERT INTO fact_orders VALUES ($1, $2, $3, $4)", $"P{o.Person}", AsOf.AddDays(-o.DaysAgo), o.Amount, o.Status);
        foreach (var v in data.Views)
            db.Execute("INSERT INTO fact_events VALUES ($1, $2, $3)", $"P{v.Person}", AsOf.AddHours(-v.HoursAgo), v.Event);

        var catalog = TagCatalog.Load(workspace.Root);
        var runner = new TagRunner(db, TimeProvider.System);
        runner.Run(catalog, AsOf);
        var codes = catalog.Tags.Select(t => t.Code).ToList();
        var sql = db.Rows($"SELECT oneid, {string.Join(", ", codes.Select(c => $"\"{c}\""))} FROM tc_tags ORDER BY oneid");
        if (Postgres is { } pg)
        {
            var pgRows = OnPostgres(pg, db, TagCompiler.Compile(catalog, runner.Schema(), AsOf, dialect: SqlDialect.Postgres), codes);
            for (var r = 0; r < sql.Count; r++)
                for (var c = 0; c < codes.Count; c++)
                    if (!Same(sql[r][c + 1], pgRows[r][c + 1]))
                        return false.Label($"{sql[r][0]} {codes[c]}: DuckDB {sql[r][c + 1] ?? "null"} vs PostgreSQL {pgRows[r][c + 1] ?? "null"}");
        }

        var compiled = TagCompiler.Compile(catalog, runner.Schema(), AsOf);
        foreach (var row in sql)
        {
            var p = int.Parse(((string)row[0]!)[1..], CultureInfo.InvariantCulture);
            var person = new PersonData(
                new Dictionary<string, object?> { ["city"] = data.Cities[p], ["birthday"] = data.Ages[p] is { } a ? AsOf.Date.AddDays(-a * 365.25 - 10).Date : null },
                new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>
                {
                    ["orders"] = data.Orders.Where(o => o.Person == p).Select(o => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
                    { ["event_time"] = AsOf.AddDays(-o.DaysAgo), ["amount"] = o.Amount, ["status"] = o.Status }).ToList(),
                    ["events"] = data.Views.Where(v => v.Person == p).Select(v => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
                    { ["event_time"] = AsOf.AddHours(-v.HoursAgo), ["event"] = v.Event }).ToList(),
                });
            var memory = TagEvaluator.Evaluate(compiled, person, AsOf);
            for (var i = 0; i < codes.Count; i++)
                if (!Same(row[i + 1], memory[codes[i]]))
                    return false.Label($"{row[0]} {codes[i]}: DuckDB {row[i + 1] ?? "null"} vs evaluator {memory[codes[i]] ?? "null"}");
        }
        return true.ToProperty();
    });

    private static readonly string? Postgres = TagCenter.Tests.TestPostgres.Connection;

    /// <summary>Copies the DuckDB tables into a fresh PostgreSQL schema and runs the PostgreSQL SQL there.</summary>
    private static List<object?[]> OnPostgres(string connection, TagCenter.DuckDb.Storage.WorkspaceDatabase db, TagCompilation compiled, List<string> codes)
    {
        var schema = "agree_" + Guid.NewGuid().ToString("N")[..10];
        using var pg = new Npgsql.NpgsqlConnection(connection);
        pg.Open();
        try
        {
            using (var create = new Npgsql.NpgsqlCommand($"""
                CREATE SCHEMA {schema}; SET search_path TO {schema};
                CREATE TABLE dim_person (oneid TEXT, city TEXT, birthday DATE);
                CREATE TABLE fact_orders (oneid TEXT, event_time TIMESTAMP, amount NUMERIC(18,2), status TEXT);
                CREATE TABLE fact_events (oneid TEXT, event_time TIMESTAMP, event TEXT);
                """, pg))
                create.ExecuteNonQuery();
            foreach (var table in new[] { "dim_person", "fact_orders", "fact_events" })
                foreach (var row in db.Rows($"SELECT * FROM {table}"))
                {
                    using var insert = new Npgsql.NpgsqlCommand($"INSERT INTO {table} VALUES ({string.Join(", ", row.Select((_, i) => "$" + (i + 1)))})", pg);
                    foreach (var value in row)
                        insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = value switch { null => DBNull.Value, DateOnly d => d.ToDateTime(TimeOnly.MinValue), var v => v } });
                    insert.ExecuteNonQuery();
                }
            using var query = new Npgsql.NpgsqlCommand($"SELECT oneid, {string.Join(", ", codes.Select(c => $"\"{c}\""))} FROM ({compiled.Sql}) r ORDER BY oneid COLLATE \"C\"", pg);
            foreach (var parameter in compiled.Parameters)
                query.Parameters.Add(new Npgsql.NpgsqlParameter { Value = parameter });
            var rows = new List<object?[]>();
            using (var reader = query.ExecuteReader())
                while (reader.Read())
                    rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray());
            return rows;
        }
        finally
        {
            using var drop = new Npgsql.NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", pg);
            drop.ExecuteNonQuery();
        }
    }

    private static bool Same(object? sql, object? memory) => (sql, memory) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (DateTime a, DateTime b) => a == b,
        (bool a, bool b) => a == b,
        (string a, string b) => a == b,
        _ => Math.Abs(Convert.ToDecimal(sql, CultureInfo.InvariantCulture) - Convert.ToDecimal(memory, CultureInfo.InvariantCulture)) <= 0.01m,
    };
}
