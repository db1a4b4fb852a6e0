using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TagCenter.Bench.Log;

/// <summary>
/// Where the log's fsync tail comes from: <c>--rate</c> appends a second of <c>--bytes</c> each, each made durable
/// before the next, while another thread writes and syncs another file as the engine does (a WAL append of 256 KB
/// every 50 ms, and a 16 MB checkpoint every 2 s). Three ways to make an append durable, alternating in blocks of
/// <c>--block</c> seconds in the same run: the log's way (append to a growing file, fsync), fdatasync on a growing file,
/// and fdatasync after overwriting a file filled with zeros beforehand (no block allocation or size change, so no
/// journal commit is needed). A diagnostic: it says whether a pre-written segment would cut the tail.
/// </summary>
internal static class FsyncTailBenchmark
{
#pragma warning disable SYSLIB1054 // a plain P/Invoke of one int → int call; LibraryImport would need unsafe code in the bench
    [DllImport("libc", SetLastError = true)]
    private static extern int fdatasync(int fd);
#pragma warning restore SYSLIB1054

    private enum Mode { GrowFsync, GrowFdatasync, OverwriteFdatasync }

    public static int Run(BenchArgs args)
    {
        var rate = args.Int("rate", 1000);
        var bytes = args.Int("bytes", 600);
        var block = args.Int("block", 3);
        var rounds = args.Int("rounds", 4);
        var dir = Directory.CreateTempSubdirectory("tagcenter-fsync-").FullName;
        var record = new byte[bytes];
        Random.Shared.NextBytes(record);
        var size = (long)rate * bytes * block * 2;
        var zeros = Path.Combine(dir, "zeros.log");
        using (var fill = new FileStream(zeros, FileMode.Create))
        {
            var chunk = new byte[1 << 20];
            for (long written = 0; written < size; written += chunk.Length)
                fill.Write(chunk);
            fill.Flush(true);
        }
        Console.WriteLine($"fsync-tail: {rate} appends/s of {bytes} B, blocks of {block}s × {rounds} rounds, engine-like writes beside; {dir}");
        using var stop = new CancellationTokenSource();
        var noise = Task.Factory.StartNew(() => Engine(dir, stop.Token), TaskCreationOptions.LongRunning);
        var latencies = Enum.GetValues<Mode>().ToDictionary(m => m, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
            foreach (var mode in Enum.GetValues<Mode>())
            {
                var path = mode == Mode.OverwriteFdatasync ? zeros : Path.Combine(dir, $"grow-{round}-{mode}.log");
                using var file = new FileStream(path, mode == Mode.OverwriteFdatasync ? FileMode.Open : FileMode.Create, FileAccess.Write, FileShare.Read, 1);
                var fd = (int)file.SafeFileHandle.DangerousGetHandle();
                var clock = Stopwatch.StartNew();
                var interval = Stopwatch.Frequency / rate;
                var next = Stopwatch.GetTimestamp();
                while (clock.Elapsed.TotalSeconds < block)
                {
                    while (Stopwatch.GetTimestamp() < next)
                        Thread.SpinWait(50);
                    next += interval;
                    var start = Stopwatch.GetTimestamp();
                    file.Write(record);
                    if (mode == Mode.GrowFsync)
                        file.Flush(true);
                    else if (fdatasync(fd) != 0)
                        throw new IOException($"fdatasync failed: {Marshal.GetLastPInvokeError()}");
                    latencies[mode].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
        stop.Cancel();
        noise.GetAwaiter().GetResult();
        foreach (var list in latencies.Values)
            list.Sort();
        var baseline = Percentile(latencies[Mode.GrowFsync], 0.99);
        foreach (var (mode, list) in latencies)
        {
            Console.WriteLine($"  {mode,-20} p50 {Percentile(list, 0.5),7:0.000} ms · p99 {Percentile(list, 0.99),7:0.000} ms · max {list[^1],7:0.000} ms ({list.Count:N0}) → p99 {Percentile(list, 0.99) / baseline:0.00}× the log's way");
        }
        Directory.Delete(dir, recursive: true);
        return 0;
    }

    /// <summary>The <paramref name="p"/> quantile of <paramref name="sorted"/> (ascending).</summary>
    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    /// <summary>What the engine does to the same disk meanwhile: WAL appends synced every 50 ms, a checkpoint every 2 s.</summary>
    private static void Engine(string dir, CancellationToken stop)
    {
        var wal = new byte[256 * 1024];
        var checkpoint = new byte[16 * 1024 * 1024];
        Random.Shared.NextBytes(wal);
        Random.Shared.NextBytes(checkpoint);
        using var walFile = new FileStream(Path.Combine(dir, "engine.wal"), FileMode.Create, FileAccess.Write, FileShare.None, 1);
        using var dbFile = new FileStream(Path.Combine(dir, "engine.db"), FileMode.Create, FileAccess.Write, FileShare.None, 1);
        var tick = 0;
        while (!stop.IsCancellationRequested)
        {
            walFile.Write(wal);
            walFile.Flush(true);
            if (++tick % 40 == 0)
            {
                dbFile.Write(checkpoint);
                dbFile.Flush(true);
                walFile.SetLength(0);
                walFile.Position = 0;
            }
            stop.WaitHandle.WaitOne(50);
        }
    }
}
