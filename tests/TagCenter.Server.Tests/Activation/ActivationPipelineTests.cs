using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TagCenter.Core.Activation;
using TagCenter.DuckDb.Activation;
using TagCenter.DuckDb.Realtime;
using TagCenter.Server.Activation;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Activation;

/// <summary>
/// Triggers fire from the pipeline, whoever starts it: a run over the API enqueues what the real CLI's run enqueues
/// (per trigger), and the server's dispatcher delivers it; the real-time path's changes go through the same engine.
/// </summary>
public sealed class ActivationPipelineTests(DemoWorkspace demo)
{
    // Months after the demo's data: persons turn silent, so segments and rule triggers see entries and exits.
    private const string AsOf = "2027-03-01";

    [Fact]
    public async Task RunOverTheApi_EnqueuesTheTriggersDeliveries_AsTheCliRunDoes()
    {
        using var cliTemp = new TempFolder();
        var cliCopy = demo.Copy(cliTemp);
        var before = PerTrigger(cliCopy); // the demo's own run already delivered: both sides start from it
        var (exit, output) = await Tagcenter.RunAsync(["run", "-w", cliCopy, "--as-of", AsOf, "--json"], TestContext.Current.CancellationToken);
        exit.ShouldBe(0, output);
        var cli = PerTrigger(cliCopy);

        using var apiTemp = new TempFolder();
        var apiCopy = demo.Copy(apiTemp);
        int messages;
        using (var store = SqliteActivationStore.Open(SqliteActivationStore.PathIn(apiCopy)))
            messages = store.Messages(int.MaxValue).Count;
        await using (var server = await ApiServer.StartAsync(apiCopy))
        {
            using var response = await server.Client.PostAsJsonAsync(new Uri("/api/v1/runs", UriKind.Relative), new { kind = "run", as_of = AsOf }, TestContext.Current.CancellationToken);
            ((int)response.StatusCode).ShouldBe(202);
            var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("id").GetString()!;
            (await WaitAsync(server, id)).GetProperty("status").GetString().ShouldBe("succeeded");
            // The server's dispatcher (not the run) delivers: the messages the run enqueued land in the store.
            var state = server.App.Services.GetRequiredService<ActivationState>();
            await Until(() => state.Store.Messages(int.MaxValue).Count > messages);
        }
        var api = PerTrigger(apiCopy);

        cli.Values.Sum().ShouldBeGreaterThan(before.Values.Sum(), "the run enqueues deliveries");
        cli["高价值沉默回馈"].ShouldBeGreaterThan(before["高价值沉默回馈"]);
        api.ShouldBe(cli);
    }

    [Fact]
    public async Task RealtimeChanges_AreEnqueued_Once_AndDelivered()
    {
        using var temp = new TempFolder();
        var copy = Fresh(demo.Copy(temp));
        var at = new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero); // 14:00 in Shanghai: outside the trigger's quiet hours 22:00–08:00
        // The server's clock at that hour too: a delivery is due at max(occurrence, now), and at night now falls in quiet hours.
        await using var server = await ApiServer.StartAsync(copy, b => b.Services.AddSingleton<TimeProvider>(new DaytimeClock(at)));
        var listener = server.App.Services.GetRequiredService<RealtimeTriggers>();
        var state = server.App.Services.GetRequiredService<ActivationState>();
        var outcome = RealtimeOutcome.None with
        {
            Changes = [new PersonChange("rt-person-1", ChangeKind.Entered, "新客未下单", null, null, at, "evt-1")],
        };

        await listener.OnChangesAsync(outcome, TestContext.Current.CancellationToken);
        listener.Last!.Enqueued.ShouldBe(1);
        await listener.OnChangesAsync(outcome, TestContext.Current.CancellationToken);
        listener.Last!.Enqueued.ShouldBe(0);
        listener.Last!.Duplicates.ShouldBe(1);

        var item = state.Store.Find("新客引导", null, "rt-person-1", 10).ShouldHaveSingleItem();
        item.Occurrence.ShouldBe("evt-1");
        // The pump was fed as the delivery committed: the message is written, and its status recorded by the next group
        // commit (a few ms later), without waiting for the idle sweep (5 s).
        await Until(() => state.Store.Messages(int.MaxValue).Any(m => m.Person == "rt-person-1") && state.Store.Get(item.Id)!.Status == DeliveryStatus.Delivered);
        state.Store.Messages(int.MaxValue).Count(m => m.Person == "rt-person-1").ShouldBe(1);
    }

    /// <summary>A copy without the demo's outbox, so both sides start from nothing.</summary>
    internal static string Fresh(string root)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(root, ".tagcenter"), SqliteActivationStore.FileName + "*"))
            File.Delete(file);
        return root;
    }

    private static Dictionary<string, int> PerTrigger(string root)
    {
        using var store = SqliteActivationStore.Open(SqliteActivationStore.PathIn(root));
        return store.List(null, int.MaxValue).GroupBy(i => i.Trigger).ToDictionary(g => g.Key, g => g.Count());
    }

    internal static async Task Until(Func<bool> done)
    {
        for (var i = 0; i < 300 && !done(); i++)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        done().ShouldBeTrue();
    }

    internal static async Task<JsonElement> WaitAsync(ApiServer server, string id)
    {
        for (var i = 0; i < 1200; i++)
        {
            var run = await server.GetJsonAsync("/api/v1/runs/" + id);
            if (run.GetProperty("status").GetString() != "running")
                return run;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException("run " + id + " did not finish");
    }
}
