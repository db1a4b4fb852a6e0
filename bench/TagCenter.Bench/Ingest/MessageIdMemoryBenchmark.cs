using System.Diagnostics;
using TagCenter.Server.Ingest;

namespace TagCenter.Bench.Ingest;

/// <summary>
/// What the messageId window holds an id for, once its write is durable: <c>--ids</c> ids (36-character GUIDs, as
/// SDKs send) taken through <see cref="MessageIdWindow.Claim"/> in requests of 100 and written, against the same ids
/// laid out as the window held them before (baseline): each id's own string, a dictionary entry of it with its bucket
/// and its request's task, and a bucket list entry. Also the time to take them. Same run, same ids.
/// </summary>
internal static class MessageIdMemoryBenchmark
{
    public static int Run(BenchArgs args)
    {
        var count = args.Int("ids", 1_000_000);
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid().ToString()).ToArray();
        Console.WriteLine($"message-ids: {count:N0} ids of {ids[0].Length} characters");

        var (baseline, baselineMs) = Held(() =>
        {
            var byId = new Dictionary<string, (long Bucket, Task Written)>(StringComparer.Ordinal);
            var bucket = new List<string>();
            for (var i = 0; i < ids.Length; i += 100)
            {
                var written = new TaskCompletionSource();   // one a request
                foreach (var id in ids.AsSpan(i, Math.Min(100, ids.Length - i)))
                {
                    var own = new string(id);   // a string of its own, as each request's parsed JSON gives
                    byId[own] = (0, written.Task);
                    bucket.Add(own);
                }
                written.SetResult();
            }
            return (byId, bucket);
        });
        var (window, windowMs) = Held(() =>
        {
            var window = new MessageIdWindow(TimeProvider.System, maxIds: count + 1);
            var pending = new TaskCompletionSource();
            for (var i = 0; i < ids.Length; i += 100)
            {
                var batch = ids.AsSpan(i, Math.Min(100, ids.Length - i)).ToArray().Select(MessageKey.Of).ToArray();
                foreach (var key in batch)
                    window.Claim(key, pending.Task);
                window.Written(batch);
            }
            return window;
        });
        Console.WriteLine($"  as held before (baseline):       {baseline / (double)count,6:0.0} bytes an id, {baselineMs,6:0} ms");
        Console.WriteLine($"  MessageIdWindow, written:        {window / (double)count,6:0.0} bytes an id, {windowMs,6:0} ms → {window / (double)baseline:0.00}× the baseline's memory");
        return 0;
    }

    /// <summary>The bytes <paramref name="build"/>'s result keeps alive, and how long it took.</summary>
    private static (long Bytes, double Ms) Held(Func<object> build)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var kept = build();
        var ms = clock.Elapsed.TotalMilliseconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(kept);
        return (after - before, ms);
    }
}
