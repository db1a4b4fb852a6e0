using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TagCenter.Core.Activation;
using TagCenter.DuckDb.Activation;
using TagCenter.DuckDb.Realtime;
using TagCenter.Server.Activation;
using TagCenter.Server.Tests.Api;
using TagCenter.Server.Tests.Governance;

namespace TagCenter.Server.Tests.Activation;

/// <summary>
/// A server started with a PostgreSQL store keeps trigger state and the outbox there too (#13: "trigger state and the
/// outbox live … in PostgreSQL with --store"): a real-time change and a run over the API enqueue into PostgreSQL,
/// the dispatcher delivers from it, and the workspace's SQLite outbox is never created. Skipped, and said so, without
/// TAGCENTER_TEST_PG.
/// </summary>
public sealed class PostgresOutboxTests(DemoWorkspace demo)
{
    [Fact]
    public async Task OnPostgres_RealtimeAndRunDeliveries_LiveInPostgres()
    {
        var schema = "tc_out_" + Guid.NewGuid().ToString("N")[..12];
        var store = await PostgresControlStoreTests.NewSchemaAsync(schema);
        using var temp = new TempFolder();
        var copy = ActivationPipelineTests.Fresh(demo.Copy(temp));
        var at = new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero); // 14:00 in Shanghai, outside quiet hours
        await using (var server = await ApiServer.StartAsync(copy, b => b.Services.AddSingleton<TimeProvider>(new DaytimeClock(at)), store))
        {
            var listener = server.App.Services.GetRequiredService<RealtimeTriggers>();
            var state = server.App.Services.GetRequiredService<ActivationState>();
            state.Store.ShouldBeOfType<PostgresActivationStore>();

            await listener.OnChangesAsync(RealtimeOutcome.None with
            {
                Changes = [new PersonChange("rt-person-1", ChangeKind.Entered, "新客未下单", null, null, at, "evt-1")],
            }, TestContext.Current.CancellationToken);
            listener.Last!.Enqueued.ShouldBe(1);
            (await CountAsync(store, "SELECT count(*) FROM outbox WHERE person = 'rt-person-1'")).ShouldBe(1);
            await ActivationPipelineTests.Until(() => state.Store.Find("新客引导", DeliveryStatus.Delivered, "rt-person-1", 1).Count == 1);
            (await CountAsync(store, "SELECT count(*) FROM activation_messages WHERE person = 'rt-person-1'")).ShouldBe(1);

            // A run over the API: its trigger pass enqueues into the same PostgreSQL outbox.
            var before = await CountAsync(store, "SELECT count(*) FROM outbox");
            using var response = await server.Client.PostAsJsonAsync(new Uri("/api/v1/runs", UriKind.Relative), new { kind = "run", as_of = "2027-03-01" },
                TestContext.Current.CancellationToken);
            ((int)response.StatusCode).ShouldBe(202);
            var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("id").GetString()!;
            (await ActivationPipelineTests.WaitAsync(server, id)).GetProperty("status").GetString().ShouldBe("succeeded");
            (await CountAsync(store, "SELECT count(*) FROM outbox")).ShouldBeGreaterThan(before, "the run's trigger pass enqueued into PostgreSQL");
        }
        File.Exists(SqliteActivationStore.PathIn(copy)).ShouldBeFalse("nothing went to the workspace's SQLite outbox");
    }

    private static async Task<long> CountAsync(string connection, string sql)
    {
        await using var pg = new NpgsqlConnection(connection);
        await pg.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, pg);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
