using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TagCenter.Bench.Log;

namespace TagCenter.Bench.Ingest;

/// <summary>
/// The load generator of the ingest bench (<c>ingest-load</c>), a process of its own: <c>--connections</c> loops,
/// each posting a batch and waiting for its ack, for <c>--seconds</c>. Bodies are one template with fixed-width
/// messageIds patched in place per request (every id unique), so the loader spends little CPU on the shared cores.
/// Prints one JSON line: events acknowledged, seconds, ack latency p50/p99/max (ms) and its own CPU seconds.
/// </summary>
internal static class IngestLoad
{
    internal sealed record Result(long Events, double Seconds, double P50, double P99, double Max, double Cpu);

    public static async Task<int> MainAsync(BenchArgs args)
    {
        var url = new Uri(args.Values["url"] + "/v1/batch");
        var (seconds, batch, connections, prefix) = (args.Int("seconds", 60), args.Int("batch", 100), args.Int("connections", 32), args.Values["prefix"]);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false });
        var auth = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(IngestBenchmark.Key + ":")));
        var keyInBody = args.Values.TryGetValue("key", out var where) && where == "body";   // else Basic, as the SDKs send it
        var (template, slots) = Template(batch, prefix, keyInBody);
        var next = -1L;
        var latencies = new List<double>[connections];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = [];
            var body = new byte[template.Length];
            while (watch.Elapsed < end)
            {
                var i = Interlocked.Increment(ref next);
                template.CopyTo(body, 0);
                var digits = i.ToString("D10", CultureInfo.InvariantCulture);
                foreach (var slot in slots)
                    Encoding.ASCII.GetBytes(digits, body.AsSpan(slot));
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                if (!keyInBody)
                    request.Headers.Authorization = auth;
                var start = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.OK)
                    throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })));
        var elapsed = watch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Pct(double p) => all[Math.Min(all.Length - 1, (int)(p * all.Length))];
        Console.WriteLine(JsonSerializer.Serialize(new Result((long)all.Length * batch, elapsed, Pct(0.5), Pct(0.99), all[^1],
            (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds)));
        return 0;
    }

    /// <summary>A batch body whose messageIds are <c>{prefix}-{10 digits}-{j}</c>, and where each id's 10 digits start.</summary>
    private static (byte[] Body, int[] Slots) Template(int batch, string prefix, bool keyInBody)
    {
        var bytes = IngestStages.Body(0, batch, prefix + "-##########");
        if (keyInBody)
            bytes = [.. "{\"writeKey\":\""u8, .. Encoding.UTF8.GetBytes(IngestBenchmark.Key), .. "\","u8, .. bytes.AsSpan(1)];
        var slots = new List<int>();
        var needle = Encoding.UTF8.GetBytes(prefix + "-##########");
        for (var at = bytes.AsSpan().IndexOf(needle); at >= 0;)
        {
            slots.Add(at + prefix.Length + 1);
            var nextAt = bytes.AsSpan(at + needle.Length).IndexOf(needle);
            at = nextAt < 0 ? -1 : at + needle.Length + nextAt;
        }
        return (bytes, [.. slots]);
    }
}
