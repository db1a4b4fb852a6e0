using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using TagCenter.Core.Activation;
using TagCenter.Demo;
using TagCenter.DuckDb.Realtime;
using TagCenter.Server.Activation;
using TagCenter.Server.Hosting;

namespace TagCenter.Bench.Activation;

/// <summary>
/// Issue #12 target, the activation share of "event arriving → its trigger's webhook leaving" (p99 under 50 ms at
/// 1,000 events/s): changes arrive on a fixed schedule at <c>--rate</c>/s and are handed, every <c>--tick-ms</c> as one
/// batch (as the ingest consumer does), to the server's own <see cref="RealtimeTriggers"/>; the server's own
/// <see cref="OutboxDispatcher"/> (its <see cref="TagCenter.DuckDb.Activation.OutboxPump"/>, fed on enqueue) posts each webhook to a
/// local receiver, which stamps its arrival. The old polling dispatcher (<see cref="PollingOutbox"/>) runs the same
/// schedule in the same process (<c>--modes new</c> runs one).
/// Latency = arrival − scheduled time, so it includes the wait for the batch. Baseline in the same run: direct
/// HttpClient POSTs to the same receiver on the same schedule. The share before it (event over HTTP → the real-time
/// outcome) is the real-time path's and is measured by the <c>realtime</c> mode.
/// </summary>
internal static class ActivationLatencyBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var rate = args.Int("rate", 1000);
        var seconds = args.Int("seconds", 10);
        var tick = args.Int("tick-ms", 5);
        var parallel = args.Int("parallel", new ActivationOptions().Dispatch.PerDestination);
        var modes = args.Values.GetValueOrDefault("modes", "old,new").Split(',');
        using var receiver = new StampingReceiver();
        Console.WriteLine($"activation-latency: {rate:N0} changes/s for {seconds} s, batches every {tick} ms, webhook to a local receiver, {parallel} in flight");
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        await PacedAsync(rate, 1, tick, (batch, _) => DirectAsync(http, receiver.Url, batch), receiver, "warm"); // JIT, connections
        var baseline = await PacedAsync(rate, seconds, tick, (batch, _) => DirectAsync(http, receiver.Url, batch), receiver, "direct");
        Print("direct HttpClient POST (baseline)", baseline);
        var options = new ActivationOptions().Dispatch with { PerDestination = parallel };
        foreach (var mode in modes)
        {
            var root = Workspace(receiver.Url, mode);
            try
            {
                using var host = new WorkspaceHost(new ServerOptions { WorkspaceRoot = root }, TimeProvider.System);
                using var state = new ActivationState(host, TimeProvider.System);
                var triggers = new RealtimeTriggers(state);
                double[] outbox;
                string rounds;
                if (mode == "old")
                {
                    using var polling = new PollingOutbox(state, options, new ActivationOptions().Idle);
                    polling.Start();
                    await PacedAsync(rate, 1, tick, (batch, at) => HandAsync(triggers, batch, at), receiver, "warm-old");
                    outbox = await PacedAsync(rate, seconds, tick, (batch, at) => HandAsync(triggers, batch, at), receiver, "old");
                    await polling.StopAsync();
                    rounds = $"{polling.Rounds:N0} dispatch rounds";
                }
                else
                {
                    using var dispatcher = new OutboxDispatcher(state, new ActivationOptions { Dispatch = options }, NullLogger<OutboxDispatcher>.Instance);
                    await dispatcher.StartAsync(CancellationToken.None);
                    await PacedAsync(rate, 1, tick, (batch, at) => HandAsync(triggers, batch, at), receiver, "warm-new");
                    outbox = await PacedAsync(rate, seconds, tick, (batch, at) => HandAsync(triggers, batch, at), receiver, "new");
                    await dispatcher.StopAsync(CancellationToken.None);
                    rounds = $"{dispatcher.Pump.Sweeps:N0} sweeps, {dispatcher.Pump.Commits:N0} status commits";
                }
                var counts = state.Store.Counts();
                Console.WriteLine($"  {mode} outbox: {counts.GetValueOrDefault("delivered"):N0} delivered, {counts.GetValueOrDefault("pending"):N0} pending, {counts.GetValueOrDefault("dead"):N0} dead; {rounds}");
                Print((mode == "old" ? "old: polling dispatcher" : "new: outbox pump") + " (change → webhook)", outbox);
                Console.WriteLine($"  ratio p99 {mode}/direct {P99(outbox) / Math.Max(0.001, P99(baseline)),8:0.0}×");
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }
        return 0;
    }

    private static double P99(double[] sorted) => sorted[(int)(sorted.Length * 0.99)];

    /// <summary>The demo workspace with one trigger: entering 新客未下单 posts a webhook to the receiver.</summary>
    private static string Workspace(string url, string mode)
    {
        var root = Path.Combine(Path.GetTempPath(), $"tc-activation-latency-{Environment.ProcessId}-{mode}");
        SampleWorkspace.WriteTo(root);
        foreach (var folder in new[] { "triggers", "experiments" })
            Directory.Delete(Path.Combine(root, folder), recursive: true);
        Directory.CreateDirectory(Path.Combine(root, "triggers"));
        File.WriteAllText(Path.Combine(root, "triggers", "bench.yaml"),
            $"when: {{ enters: 新客未下单 }}\naction:\n  webhook: {{ url: \"{url}\", allow_local: true }}\n");
        return root;
    }

    private static void Print(string what, double[] sorted) =>
        Console.WriteLine($"  {what,-48} n {sorted.Length,7:N0}   p50 {sorted[sorted.Length / 2],7:0.00} ms   p99 {sorted[(int)(sorted.Length * 0.99)],7:0.00} ms   max {sorted[^1],7:0.00} ms");

    private static async Task HandAsync(RealtimeTriggers triggers, IReadOnlyList<string> persons, DateTimeOffset at) =>
        await triggers.OnChangesAsync(RealtimeOutcome.None with
        {
            Changes = [.. persons.Select(p => new PersonChange(p, ChangeKind.Entered, "新客未下单", null, null, at, "e-" + p))],
        }, CancellationToken.None);

    private static Task DirectAsync(HttpClient http, string url, IReadOnlyList<string> persons) =>
        Task.WhenAll(persons.Select(async p =>
        {
            using var content = new StringContent(JsonSerializer.Serialize(new { person = p }), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(url), content);
            response.EnsureSuccessStatusCode();
        }));

    /// <summary>Changes "arrive" at <paramref name="rate"/>/s; every tick the ones due so far go as one batch; returns each one's latency to the receiver, sorted.</summary>
    private static async Task<double[]> PacedAsync(int rate, int seconds, int tickMs, Func<IReadOnlyList<string>, DateTimeOffset, Task> hand, StampingReceiver receiver, string prefix)
    {
        var total = rate * seconds;
        var scheduled = new long[total];
        var clock = Stopwatch.StartNew();
        var start = Stopwatch.GetTimestamp();
        var next = 0;
        var pending = new List<Task>();
        while (next < total)
        {
            var due = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * rate));
            if (due > next)
            {
                var batch = new List<string>(due - next);
                for (; next < due; next++)
                {
                    scheduled[next] = start + (long)((double)next / rate * Stopwatch.Frequency);
                    batch.Add($"{prefix}-{next}");
                }
                pending.Add(hand(batch, TimeProvider.System.GetUtcNow()));
            }
            await Task.Delay(tickMs);
        }
        await Task.WhenAll(pending);
        var wait = Stopwatch.StartNew();
        var latencies = new double[total];
        for (var i = 0; i < total; i++)
        {
            long arrived;
            while (!receiver.Arrivals.TryGetValue($"{prefix}-{i}", out arrived))
            {
                if (wait.Elapsed > TimeSpan.FromSeconds(60))
                    throw new TimeoutException($"{prefix}-{i} never arrived");
                await Task.Delay(10);
            }
            latencies[i] = (arrived - scheduled[i]) * 1000.0 / Stopwatch.Frequency;
        }
        Array.Sort(latencies);
        return latencies;
    }

    /// <summary>An HttpListener on 127.0.0.1 answering 200 and stamping when each body's person arrived.</summary>
    private sealed class StampingReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();

        public StampingReceiver()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/hook/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(LoopAsync);
        }

        public string Url { get; }

        public ConcurrentDictionary<string, long> Arrivals { get; } = new();

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    return;
                }
                var arrived = Stopwatch.GetTimestamp();
                _ = Task.Run(async () =>
                {
                    using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
                    Arrivals.TryAdd(body.RootElement.GetProperty("person").GetString()!, arrived);
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                });
            }
        }

        public void Dispose() => _listener.Close();
    }
}
