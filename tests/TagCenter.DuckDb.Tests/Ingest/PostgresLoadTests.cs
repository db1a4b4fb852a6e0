using Npgsql;
using Shouldly;
using TagCenter.Core.Diagnostics;

namespace TagCenter.DuckDb.Tests.Ingest;

/// <summary>Against the real PostgreSQL that .ci/run starts (TAGCENTER_TEST_PG); skipped, and said so, without it.</summary>
public sealed class PostgresLoadTests : IDisposable
{
    private readonly TestWorkspace _workspace = new();
    private static string RequireServer() => TagCenter.Tests.TestPostgres.Require("the PostgreSQL source load");

    [Fact]
    public async Task Load_PostgresTable_ReadAndCleansed()
    {
        var connection = RequireServer();
        var schema = "t_" + Guid.NewGuid().ToString("N")[..12];
        await using (var pg = new NpgsqlConnection(connection))
        {
            await pg.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand($"""
                CREATE SCHEMA {schema};
                CREATE TABLE {schema}.tickets (ticket_id text, phone text, created_at timestamp, score int);
                INSERT INTO {schema}.tickets VALUES
                  ('T1', '138 0013 8000', '2024-01-05 10:00:00', 5),
                  ('T2', 'bad', '2024-01-06 11:00:00', 3),
                  ('T3', '13900139000', NULL, 9);
                """, pg);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        try
        {
            _workspace.WithYaml($$"""
                sources:
                  tickets:
                    kind: postgres
                    connection: "{{connection}}"
                    table: {{schema}}.tickets
                    max_reject_ratio: 1
                    columns:
                      ticket_id: { required: true }
                      phone: { type: phone, identifier: phone }
                      created_at: { type: timestamp }
                      score: { type: int, min: 1, max: 5 }
                """);

            var report = await _workspace.LoadAsync("tickets");
            var again = await _workspace.LoadAsync("tickets");

            report.Read.ShouldBe(3);
            report.Loaded.ShouldBe(1);
            again.Loaded.ShouldBe(1);
            _workspace.Rows("SELECT ticket_id, phone, created_at FROM src_tickets")
                .ShouldBe([["T1", "+8613800138000", new DateTime(2024, 1, 5, 10, 0, 0)]]);
            _workspace.Rows("SELECT line, reason FROM quarantine ORDER BY line").ShouldBe([[2L, "phone_invalid"], [3L, "out_of_range"]]);
        }
        finally
        {
            await using var pg = new NpgsqlConnection(connection);
            await pg.OpenAsync(TestContext.Current.CancellationToken);
            await using var drop = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", pg);
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Load_PostgresQuery_UnknownTable_ClearError()
    {
        var connection = RequireServer();
        _workspace.WithYaml($$"""
            sources:
              x: { kind: postgres, connection: "{{connection}}", query: "SELECT * FROM no_such_table", columns: { a: {} } }
            """);

        var error = await Should.ThrowAsync<SourceLoadException>(() => _workspace.LoadAsync("x"));

        error.Message.ShouldContain("no_such_table");
    }

    [Fact]
    public async Task Load_PostgresDown_NamesConnection()
    {
        // Nothing listens on port 1; this needs no server and always runs.
        _workspace.WithYaml("""
            sources:
              x: { kind: postgres, connection: "Host=127.0.0.1;Port=1;Username=u;Password=p;Database=d;Timeout=2", table: t, columns: { a: {} } }
            """);
        _workspace.Database.Execute("CREATE TABLE src_x AS SELECT 'kept' AS a");

        var error = await Should.ThrowAsync<SourceLoadException>(() => _workspace.LoadAsync("x"));

        error.Message.ShouldContain("127.0.0.1:1/d");
        _workspace.Database.Scalar<string>("SELECT a FROM src_x").ShouldBe("kept");
    }

    [Theory]
    [InlineData("SELECT a FROM {0}.victim; DROP TABLE {0}.victim", "one statement")]
    [InlineData("SELECT a FROM {0}.victim; SELECT a FROM {0}.victim", "one statement")]
    [InlineData("WITH d AS (DELETE FROM {0}.victim RETURNING a) SELECT a FROM d", "read-only")]
    [InlineData("DROP TABLE {0}.victim", "read-only")]
    public async Task Load_PostgresQueryThatWrites_RefusedAndNothingChanged(string query, string expected)
    {
        var connection = RequireServer();
        var schema = "t_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(connection, $"CREATE SCHEMA {schema}; CREATE TABLE {schema}.victim (a text); INSERT INTO {schema}.victim VALUES ('kept')");
        try
        {
            _workspace.WithYaml($$"""
                sources:
                  x: { kind: postgres, connection: "{{connection}}", query: "{{string.Format(System.Globalization.CultureInfo.InvariantCulture, query, schema)}}", columns: { a: {} } }
                """);

            var error = await Should.ThrowAsync<SourceLoadException>(() => _workspace.LoadAsync("x"));

            error.Message.ShouldContain(expected);
            await using var pg = new NpgsqlConnection(connection);
            await pg.OpenAsync(TestContext.Current.CancellationToken);
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {schema}.victim", pg);
            (await count.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe(1L);
        }
        finally
        {
            await ExecuteAsync(connection, $"DROP SCHEMA {schema} CASCADE");
        }
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var pg = new NpgsqlConnection(connection);
        await pg.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, pg);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose() => _workspace.Dispose();
}
