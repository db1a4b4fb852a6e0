using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Activation;

/// <summary>
/// The issue's reliability test on a real <c>tagcenter serve</c>: a receiver failing half the requests, a run over the
/// API firing a trigger for every new customer, SIGKILL while the outbox is being dispatched, a restart. Delivery is
/// at-least-once with a stable delivery id per (trigger, person, occurrence), so the test asserts: every occurrence
/// the outbox holds reached the receiver (none lost, none dead); each occurrence under exactly one delivery id; and a
/// delivery id accepted twice only for requests in flight when the process was killed (at most the per-destination
/// parallelism), which a receiver deduping on the id sees exactly once.
/// </summary>
public sealed class DispatchCrashTests(DemoWorkspace demo)
{
    private static readonly int InFlight = new TagCenter.Server.Activation.ActivationOptions().Dispatch.PerDestination; // what serve sends at once

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FlakyReceiver_Sigkill_Restart_EveryOccurrenceOnce_NoneLost()
    {
        await using var receiver = await WebhookReceiver.StartAsync(0.5, TimeSpan.FromMilliseconds(15));
        using var temp = new TempFolder();
        var root = demo.Copy(temp);
        File.WriteAllText(Path.Combine(root, "triggers", "可靠投递.yaml"),
            $"when: {{ rule: \"生命周期阶段 = '新客'\" }}\naction:\n  webhook: {{ url: \"{receiver.Url}\", allow_local: true }}\n");
        var key = await AdminKeyAsync(root);
        var url = $"http://127.0.0.1:{FreePort()}";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var server = await ServeAsync(root, url, client);
        int acceptedAtKill;
        try
        {
            using var started = await client.PostAsJsonAsync(new Uri(url + "/api/v1/runs"), new { kind = "run" }, Token);
            ((int)started.StatusCode).ShouldBe(202, await started.Content.ReadAsStringAsync(Token));
            var clock = Stopwatch.StartNew();
            while (receiver.Accepted.Count < 20)
            {
                clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(3));
                await Task.Delay(5, Token);
            }
            server.Kill(entireProcessTree: true); // SIGKILL mid-dispatch
            await server.WaitForExitAsync(Token);
            acceptedAtKill = receiver.Accepted.Count;
        }
        finally
        {
            if (!server.HasExited)
                server.Kill(entireProcessTree: true);
        }

        server = await ServeAsync(root, url, client);
        JsonElement outbox;
        try
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                outbox = await GetAsync(client, url + "/api/v1/deliveries?trigger=" + Uri.EscapeDataString("可靠投递") + "&limit=10000");
                if (outbox.EnumerateArray().All(d => d.GetProperty("status").GetString() is "delivered" or "dead"))
                    break;
                clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(3), outbox.ToString());
                await Task.Delay(200, Token);
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(Token);
        }

        var expected = outbox.EnumerateArray().Select(d => (d.GetProperty("person").GetString()!, d.GetProperty("occurrence").GetString()!)).ToHashSet();
        expected.Count.ShouldBeGreaterThan(100, "a run fires the trigger for every new customer");
        acceptedAtKill.ShouldBeLessThan(expected.Count, "the kill came mid-dispatch");
        outbox.EnumerateArray().ShouldAllBe(d => d.GetProperty("status").GetString() == "delivered"); // none dead
        receiver.Refused.ShouldBeGreaterThan(expected.Count / 4, "the receiver did fail about half the time");

        var accepted = receiver.Accepted.ToList();
        accepted.ShouldAllBe(a => a.Trigger == "可靠投递");
        accepted.Select(a => (a.Person, a.Occurrence)).ToHashSet().SetEquals(expected).ShouldBeTrue("every occurrence reached the receiver, and nothing else");
        accepted.GroupBy(a => (a.Person, a.Occurrence)).ShouldAllBe(g => g.Select(a => a.DeliveryId).Distinct().Count() == 1);
        var resent = accepted.Count - accepted.Select(a => a.DeliveryId).Distinct().Count();
        resent.ShouldBeLessThanOrEqualTo(InFlight, "only requests in flight at the kill are sent again");
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url), Token);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement.Clone();
    }

    private static async Task<string> AdminKeyAsync(string root)
    {
        var (exit, output) = await Tagcenter.RunAsync(["keys", "create", "--role", "admin", "--name", "dispatch-test", "-w", root, "--json"], Token);
        exit.ShouldBe(0, output);
        var json = output[output.IndexOf('{', StringComparison.Ordinal)..(output.LastIndexOf('}') + 1)];
        return JsonDocument.Parse(json).RootElement.GetProperty("key").GetString()!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<Process> ServeAsync(string root, string url, HttpClient client)
    {
        var start = Tagcenter.Start(["serve", "-w", root, "--urls", url]);
        // Enough attempts that a receiver failing half the time never makes a dead letter, with short backoffs.
        start.Environment["TAGCENTER_ACTIVATION_MAX_ATTEMPTS"] = "40";
        start.Environment["TAGCENTER_ACTIVATION_BASE_DELAY_MS"] = "10";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var response = await client.GetAsync(new Uri(url + "/health"), Token);
                if (response.IsSuccessStatusCode)
                    return process;
            }
            catch (HttpRequestException) { }
            if (process.HasExited)
                throw new InvalidOperationException("tagcenter serve exited with " + process.ExitCode);
            await Task.Delay(100, Token);
        }
        throw new TimeoutException("tagcenter serve did not answer /health");
    }
}
