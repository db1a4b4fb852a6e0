using System.Text.Json;
using Npgsql;
using Shouldly;

namespace TagCenter.Cli.Tests.Activation;

/// <summary>
/// <c>TAGCENTER_STORE</c> naming PostgreSQL moves the CLI's trigger state and outbox there, as it does the control
/// store: on the starter workspace, the rule "近90天消费金额 > 300" is true for two persons (hand-checked in
/// SegmentCommandTests), so two task deliveries land in PostgreSQL and none in the workspace's SQLite file. Runs on the
/// PostgreSQL that .ci/run starts (TAGCENTER_TEST_PG); skipped, and said so, without it.
/// </summary>
public sealed class TriggerStoreTests
{
    [Fact]
    public async Task TriggerRun_WithAPostgresStore_EnqueuesThere()
    {
        var server = TagCenter.Tests.TestPostgres.Require("the CLI's activation store");
        var schema = "tc_cli_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server, $"CREATE SCHEMA {schema}");
        var store = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
        try
        {
            var dir = CliRunner.TempDir();
            (await CliRunner.RunAsync("init", dir)).ExitCode.ShouldBe(0);
            (await CliRunner.RunAsync("apply", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);
            (await CliRunner.RunAsync("refresh", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);
            Directory.CreateDirectory(Path.Combine(dir, "triggers"));
            File.WriteAllText(Path.Combine(dir, "triggers", "高消费.yaml"), "when: { rule: \"近90天消费金额 > 300\" }\naction: { task: { queue: 顾问 } }\n");
            var env = new Dictionary<string, string> { ["TAGCENTER_STORE"] = store };

            var run = await CliRunner.RunWithAsync(env, "trigger", "run", "-w", dir, "--json");
            var deliveries = await CliRunner.RunWithAsync(env, "trigger", "deliveries", "-w", dir, "--json");

            run.ExitCode.ShouldBe(0, run.Err);
            JsonDocument.Parse(run.Out).RootElement.GetProperty("enqueued").GetInt32().ShouldBe(2);
            JsonDocument.Parse(deliveries.Out).RootElement.GetArrayLength().ShouldBe(2);
            (await CountAsync(store, "SELECT count(*) FROM outbox WHERE status = 'delivered'")).ShouldBe(2);
            (await CountAsync(store, "SELECT count(*) FROM activation_tasks")).ShouldBe(2);
            File.Exists(Path.Combine(dir, ".tagcenter", "activation.db")).ShouldBeFalse("nothing went to the workspace's SQLite outbox");
        }
        finally
        {
            await ExecuteAsync(server, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var pg = new NpgsqlConnection(connection);
        await pg.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, pg);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<long> CountAsync(string connection, string sql)
    {
        await using var pg = new NpgsqlConnection(connection);
        await pg.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, pg);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
