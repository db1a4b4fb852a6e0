using System.Diagnostics;
using System.Text;
using TagCenter.Core.Activation;
using TagCenter.DuckDb.Activation;

namespace TagCenter.Bench.Activation;

/// <summary>
/// Issue #12: webhook dispatch throughput and per-delivery overhead (outbox in SQLite, Polly pipeline, signing, logging
/// every attempt) against a baseline measured in the same run: the same number of direct HttpClient POSTs of the same
/// body size, with the same parallelism, to the same local receiver. Also the real-time path: one change handed to
/// <see cref="TriggerEngine.OnChanges"/> and dispatched at once, from the call to the webhook leaving (p50/p99).
/// </summary>
internal static class ActivationBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var deliveries = args.Int("deliveries", 5000);
        var single = args.Int("single", 500);
        var parallel = args.Int("parallel", 8);
        using var receiver = new LocalReceiver();
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var folder = Path.Combine(Path.GetTempPath(), "tc-activation-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        Environment.SetEnvironmentVariable("TC_BENCH_SECRET", "bench-secret");
        var trigger = new TriggerDefinition
        {
            Name = "bench",
            When = new TriggerCondition { Kind = TriggerKind.Enters, Segment = "S" },
            Actions = [new TriggerAction { Kind = ActionKind.Webhook, Url = receiver.Url, SecretEnv = "TC_BENCH_SECRET", AllowLocal = true }],
            File = "bench",
        };
        Console.WriteLine($"activation: {deliveries:N0} webhook deliveries to a local receiver, {parallel} in flight; {single:N0} single real-time changes");
        try
        {
            await BaselineAsync(http, receiver.Url, 200, parallel);   // JIT, connections
            await OutboxAsync(folder, "warmup", trigger, http, 200, parallel);
            var baseline = await BaselineAsync(http, receiver.Url, deliveries, parallel);
            var (enqueue, dispatch) = await OutboxAsync(folder, "run", trigger, http, deliveries, parallel);
            var latencies = await RealTimeAsync(folder, trigger, http, single);
            Console.WriteLine($"  direct HttpClient POSTs    {deliveries / baseline,10:N0} /s   {baseline,6:0.00} s   (baseline)");
            Console.WriteLine($"  outbox dispatch            {deliveries / dispatch,10:N0} /s   {dispatch,6:0.00} s   (signed, Polly, every attempt logged)");
            Console.WriteLine($"  enqueue (policy + outbox)  {deliveries / enqueue,10:N0} /s   {enqueue,6:0.00} s");
            Console.WriteLine($"  ratio dispatch/baseline    {dispatch / baseline,10:0.00}×");
            Console.WriteLine($"  overhead per delivery      {(dispatch - baseline) * 1000 / deliveries * parallel,10:0.00} ms of one in-flight slot ({(dispatch - baseline) * 1e6 / deliveries:0} µs of wall time each)");
            Array.Sort(latencies);
            Console.WriteLine($"  real-time change → webhook sent   p50 {latencies[latencies.Length / 2]:0.00} ms   p99 {latencies[(int)(latencies.Length * 0.99)]:0.00} ms   max {latencies[^1]:0.00} ms");
            Console.WriteLine($"  receiver got {receiver.Received:N0} requests");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    private static async Task<double> BaselineAsync(HttpClient http, string url, int count, int parallel)
    {
        var body = Encoding.UTF8.GetBytes(new string('x', 260));
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (_, token) =>
        {
            using var content = new ByteArrayContent(body);
            using var response = await http.PostAsync(url, content, token);
            response.EnsureSuccessStatusCode();
        });
        return watch.Elapsed.TotalSeconds;
    }

    private static async Task<(double Enqueue, double Dispatch)> OutboxAsync(string folder, string name, TriggerDefinition trigger, HttpClient http, int count, int parallel)
    {
        using var store = SqliteActivationStore.Open(Path.Combine(folder, name + ".db"));
        var engine = new TriggerEngine([trigger], [], store, TimeZoneInfo.Utc, TimeProvider.System);
        var at = TimeProvider.System.GetUtcNow();
        var changes = Enumerable.Range(0, count).Select(i => new PersonChange($"P{i:D7}", ChangeKind.Entered, "S", null, null, at, "s1")).ToList();
        var enqueue = Stopwatch.StartNew();
        engine.OnChanges(changes);
        var enqueued = enqueue.Elapsed.TotalSeconds;
        var dispatcher = new DeliveryDispatcher(store, DeliveryDispatcher.Channels(store, folder, http, TimeProvider.System), TimeProvider.System,
            new DispatchOptions { PerDestination = parallel });
        var watch = Stopwatch.StartNew();
        var report = await dispatcher.DispatchAsync();
        if (report.Delivered != count)
            throw new InvalidOperationException($"delivered {report.Delivered} of {count}");
        return (enqueued, watch.Elapsed.TotalSeconds);
    }

    private static async Task<double[]> RealTimeAsync(string folder, TriggerDefinition trigger, HttpClient http, int count)
    {
        using var store = SqliteActivationStore.Open(Path.Combine(folder, "realtime.db"));
        var engine = new TriggerEngine([trigger], [], store, TimeZoneInfo.Utc, TimeProvider.System);
        var dispatcher = new DeliveryDispatcher(store, DeliveryDispatcher.Channels(store, folder, http, TimeProvider.System), TimeProvider.System);
        var latencies = new double[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            engine.OnChanges([new PersonChange($"R{i}", ChangeKind.Entered, "S", null, null, TimeProvider.System.GetUtcNow(), "e" + i)]);
            await dispatcher.DispatchAsync();
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return latencies;
    }
}
