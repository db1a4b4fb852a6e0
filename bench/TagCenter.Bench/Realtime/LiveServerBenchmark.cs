using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TagCenter.DuckDb.Storage;
using TagCenter.Server.Hosting;
using TagCenter.Server.Ingest;
using TagCenter.Server.Realtime;

namespace TagCenter.Bench.Realtime;

/// <summary>
/// Issue #11 target end to end: a real Kestrel server on loopback, events POSTed to <c>/v1/batch</c> at a fixed rate
/// (<c>--rate</c> events/s in requests of <c>--batch</c>), from the request's send time to the person's real-time
/// tags and segments updated by the live path (<see cref="LiveRealtime.Updated"/>: durable in the log, placed,
/// evaluated, laid over the index). Baseline in the same run: the same events' time to the committed path's update
/// (<see cref="RealtimeListener.Through"/> past their offsets). The users are demo persons who logged in once
/// (identify, applied before the clock starts).
/// </summary>
internal static class LiveServerBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var persons = args.Int("persons", 3000);
        var rate = args.Int("rate", 1000);
        var seconds = args.Int("seconds", 10);
        var batch = args.Int("batch", 10);
        var root = Path.Combine(Path.GetTempPath(), "tagcenter-bench-realtime-server");
        var emails = await EventSchedule.DemoAsync(root, persons);

        var port = 5400 + Random.Shared.Next(500);
        await using var app = ServerApp.Build(new ServerOptions { WorkspaceRoot = root, Urls = [$"http://127.0.0.1:{port}"] });
        await app.StartAsync();
        var live = app.Services.GetRequiredService<LiveRealtime>();
        var listener = app.Services.GetRequiredService<RealtimeListener>();
        var ingest = app.Services.GetRequiredService<IngestService>();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("wk_demo_123:")));

        for (var i = 0; i < emails.Count; i += 200)
            await PostAsync(http, [.. emails.Skip(i).Take(200).Select((e, j) => $$"""{"type":"identify","userId":"u-{{i + j}}","traits":{"email":"{{e}}"},"messageId":"i-{{i + j}}"}""")]);
        await SettleAsync(ingest, listener);
        Console.WriteLine($"realtime through the server: demo of {persons:N0} persons, {emails.Count:N0} users identified; {rate} events/s for {seconds}s in requests of {batch}, {Environment.ProcessorCount} cores");

        var liveDone = new ConcurrentDictionary<long, long>();
        live.Updated += (outcome, _) =>
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var offset in outcome.Offsets)
                liveDone.TryAdd(offset, now);
        };
        // Which log offset each message got (the log's own hook, as the live path is told).
        var sentAt = new ConcurrentDictionary<string, long>();
        var offsets = new ConcurrentDictionary<long, string>();
        ingest.Durable += (_, first, _, payloads) =>
        {
            for (var i = 0; i < payloads.Count; i++)
            {
                var text = Encoding.UTF8.GetString(payloads[i].Span);
                var at = text.IndexOf("\"messageId\":\"", StringComparison.Ordinal) + 13;
                offsets[first + i] = text[at..text.IndexOf('"', at)];
            }
        };
        var random = new Random(11);
        var total = rate * seconds;
        var committed = new ConcurrentDictionary<long, long>();
        var clock = Stopwatch.StartNew();
        var requests = new List<Task>();
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            // The committed path's progress, sampled every millisecond.
            while (!stop.IsCancellationRequested)
            {
                var through = listener.Through;
                var now = Stopwatch.GetTimestamp();
                foreach (var offset in offsets.Keys)
                    if (offset <= through)
                        committed.TryAdd(offset, now);
                await Task.Delay(1);
            }
        });
        for (var i = 0; i < total; i += batch)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            while (clock.Elapsed < due)
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0.5, (due - clock.Elapsed).TotalMilliseconds)));
            var messages = Enumerable.Range(i, Math.Min(batch, total - i)).Select(n =>
                $$"""{"type":"track","event":"{{(random.Next(3) == 0 ? "app_start" : "page_view")}}","userId":"u-{{random.Next(emails.Count)}}","messageId":"t-{{n}}"}""").ToList();
            var now = Stopwatch.GetTimestamp();
            for (var n = i; n < i + messages.Count; n++)
                sentAt[$"t-{n}"] = now;
            requests.Add(PostAsync(http, messages));
        }
        await Task.WhenAll(requests);
        var wait = Stopwatch.StartNew();
        while ((liveDone.Count < total || committed.Count(c => offsets[c.Key].StartsWith("t-", StringComparison.Ordinal)) < total) && wait.Elapsed < TimeSpan.FromSeconds(120))
            await Task.Delay(50);
        await stop.CancelAsync();
        await watcher;

        var ofTrack = offsets.Where(o => sentAt.ContainsKey(o.Value)).ToList();
        var liveLatency = ofTrack.Where(o => liveDone.ContainsKey(o.Key)).Select(o => Stopwatch.GetElapsedTime(sentAt[o.Value], liveDone[o.Key]).TotalMilliseconds).ToList();
        var committedLatency = ofTrack.Where(o => committed.ContainsKey(o.Key)).Select(o => Stopwatch.GetElapsedTime(sentAt[o.Value], committed[o.Key]).TotalMilliseconds).ToList();
        Console.WriteLine($"  live path:      {Line(liveLatency)} ({liveLatency.Count:N0} of {total:N0} events updated live; {live.Evaluator.Held:N0} persons held)");
        Console.WriteLine($"  committed path: {Line(committedLatency)}");
        if (liveLatency.Count == 0)
            return 2;
        var (p50, p99) = (Percentile(liveLatency, 0.5), Percentile(liveLatency, 0.99));
        Console.WriteLine($"  live / committed p50: {p50 / Percentile(committedLatency, 0.5):0.0000}×; live p99 request sent→updated {p99:0.00} ms (target < 10 ms)");
        await app.StopAsync();
        return p99 < 10 ? 0 : 2;
    }

    private static async Task PostAsync(HttpClient http, List<string> messages)
    {
        using var content = new StringContent($$"""{"batch":[{{string.Join(",", messages)}}]}""", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/v1/batch", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
    }

    private static async Task SettleAsync(IngestService ingest, RealtimeListener listener)
    {
        var clock = Stopwatch.StartNew();
        while (listener.Through < ingest.Log.NextOffset - 1 && clock.Elapsed < TimeSpan.FromMinutes(2))
            await Task.Delay(20);
    }

    private static string Line(List<double> values) => values.Count == 0 ? "no events" :
        $"p50 {Percentile(values, 0.5),8:0.000} ms · p99 {Percentile(values, 0.99),8:0.000} ms · max {values.Max(),8:0.00} ms";

    private static double Percentile(List<double> values, double p) => EventSchedule.Percentile(values, p);
}
