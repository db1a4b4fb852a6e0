using System.Diagnostics;
using System.Text;
using TagCenter.Server.Log;

namespace TagCenter.Bench.Log;

/// <summary>
/// Issue #11: append throughput of the durable log with fsync on — many concurrent appenders, each appending
/// batches of ~1 KB Segment track events (the shape captured from analytics-node) — against the disk's limit
/// measured in the same run and folder: plain sequential FileStream writes of the same bytes with one fsync per
/// group of the same size as the log's average group.
/// </summary>
internal static class LogBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var events = args.Int("events", 200_000);
        var appenders = args.Int("appenders", 32);
        var batchSize = args.Int("batch", 100);
        var root = args.Values.TryGetValue("dir", out var d) ? d : Path.GetTempPath();
        var folder = Path.Combine(root, "tc-logbench-" + Environment.ProcessId);
        var payload = Event();
        var batches = events / batchSize;
        Console.WriteLine($"log: {batches * batchSize:N0} events of {payload.Length} B in batches of {batchSize}, {appenders} appenders, fsync on, folder {root}");
        try
        {
            await LogRunAsync(Path.Combine(folder, "warmup"), payload, Math.Min(batches, 200), batchSize, appenders);   // JIT, file system
            RawRun(Path.Combine(folder, "warmup-raw"), 20L * 1024 * 1024, 1024 * 1024);
            var (seconds, latencies, groups) = await LogRunAsync(Path.Combine(folder, "log"), payload, batches, batchSize, appenders);
            var eventsPerGroup = (double)batches * batchSize / groups;
            var bytesPerEvent = payload.Length + 24;
            var baseline = RawRun(Path.Combine(folder, "raw"), (long)batches * batchSize * bytesPerEvent, (int)Math.Max(bytesPerEvent, eventsPerGroup * bytesPerEvent));
            var logRate = batches * batchSize / seconds;
            var rawRate = batches * batchSize / baseline;
            Array.Sort(latencies);
            Console.WriteLine($"  group commits          {groups:N0} (avg {eventsPerGroup:0} events = {eventsPerGroup / batchSize:0.0} batches per fsync)");
            Console.WriteLine($"  durable log            {logRate,12:N0} events/s   {seconds,6:0.00} s");
            Console.WriteLine($"  raw write+fsync/group  {rawRate,12:N0} events/s   {baseline,6:0.00} s   (the disk limit at that group size)");
            Console.WriteLine($"  ratio log/raw          {logRate / rawRate,12:0.00}");
            Console.WriteLine($"  append latency (batch) p50 {Pct(latencies, 0.50):0.00} ms   p99 {Pct(latencies, 0.99):0.00} ms   max {latencies[^1]:0.00} ms");
            return 0;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    internal static async Task<(double Seconds, double[] LatenciesMs, long Groups)> LogRunAsync(
        string folder, byte[] payload, int batches, int batchSize, int appenders)
    {
        var batch = Enumerable.Repeat((ReadOnlyMemory<byte>)payload, batchSize).ToArray();
        var latencies = new double[batches];
        var next = -1;
        await using var log = DurableLog.Open(folder, new LogOptions { SegmentBytes = 256L * 1024 * 1024 });
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, appenders).Select(_ => Task.Run(async () =>
        {
            for (int i; (i = Interlocked.Increment(ref next)) < batches;)
            {
                var start = Stopwatch.GetTimestamp();
                await log.AppendBatchAsync(batch);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        })));
        return (total.Elapsed.TotalSeconds, latencies, log.GroupCommits);
    }

    /// <summary>Writes <paramref name="bytes"/> sequentially in groups of <paramref name="groupBytes"/>, fsyncing each.</summary>
    private static double RawRun(string folder, long bytes, int groupBytes)
    {
        Directory.CreateDirectory(folder);
        var buffer = new byte[groupBytes];
        Random.Shared.NextBytes(buffer);
        using var stream = new FileStream(Path.Combine(folder, "raw.bin"), FileMode.Create, FileAccess.Write, FileShare.None, 1);
        var watch = Stopwatch.StartNew();
        for (var written = 0L; written < bytes; written += groupBytes)
        {
            stream.Write(buffer, 0, (int)Math.Min(groupBytes, bytes - written));
            stream.Flush(true);
        }
        return watch.Elapsed.TotalSeconds;
    }

    private static double Pct(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    /// <summary>A track event as analytics-node 3.1.0 sends it (see tests/TagCenter.Server.Tests/Reference), about 1 KB.</summary>
    internal static byte[] Event() => Encoding.UTF8.GetBytes("""
        {"timestamp":"2026-11-22T21:53:02.255Z","integrations":{},"event":"Order Completed","type":"track",
        "properties":{"order_id":"shop-order-0001-001","revenue":129.8,"currency":"CNY","coupon":"WINTER-2026",
        "shipping":{"method":"express","city":"Shanghai","district":"Pudong","fee":12},
        "products":[{"product_id":"sku-8","sku":"APP-0008-M","name":"Cotton T-shirt","category":"Apparel","brand":"Acme","price":20.9,"quantity":2},
        {"product_id":"sku-12","sku":"BEA-0012","name":"Hydrating Face Cream 50ml","category":"Beauty","brand":"Lumi","price":88,"quantity":1},
        {"product_id":"sku-31","sku":"HOM-0031","name":"Ceramic Mug","category":"Home","brand":"Kiln","price":15.5,"quantity":1}]},
        "context":{"library":{"name":"@segment/analytics-node","version":"3.1.0"},"ip":"203.0.113.17","locale":"zh-CN",
        "userAgent":"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        "campaign":{"source":"wechat","medium":"social","name":"winter_sale"}},
        "userId":"shop-user-0001","anonymousId":"6f1c2a9e-0b7d-4c55-9a51-3e2f8d7c1b40",
        "messageId":"node-next-1795384382255-588c916a-34f1-4108-bf23-4e728054fbab","_metadata":{"nodeVersion":"v20.20.2","jsRuntime":"node"}}
        """.ReplaceLineEndings(""));
}
