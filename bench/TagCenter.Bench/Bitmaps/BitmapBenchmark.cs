using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TagCenter.Core.Bitmaps;

namespace TagCenter.Bench.Bitmaps;

/// <summary>
/// Issue #9: bitmap AND/OR/AndCardinality throughput against the bandwidth of a plain vectorised pass over the same
/// number of bytes, measured in the same run (shared machines drift). Bytes are those of both operands' containers.
/// </summary>
internal static class BitmapBenchmark
{
    public static int Run(BenchArgs args)
    {
        var universe = args.Int("universe", 10_000_000);
        var runs = args.Int("runs", 25);
        Console.WriteLine($"bitmaps: {universe:N0}-ordinal universe, median of {runs} runs; GB/s over both operands' container bytes");
        Console.WriteLine($"  vectors: Vector256 {Vector256.IsHardwareAccelerated}, Vector128 {Vector128.IsHardwareAccelerated}");
        Console.WriteLine("  density              kinds        bytes   op       µs/op    GB/s   plain pass GB/s   ratio");
        var random = new Random(7);
        foreach (var (name, make) in Densities())
        {
            var a = make(random, universe);
            var b = make(random, universe);
            var bytes = Bytes(a) + Bytes(b);
            var plain = PlainPass(bytes, runs);
            Report(name, a, bytes, "AND", runs, plain, () => RoaringBitmap.And(a, b));
            Report(name, a, bytes, "OR", runs, plain, () => RoaringBitmap.Or(a, b));
            Report(name, a, bytes, "ANDCARD", runs, plain, () => RoaringBitmap.AndCardinality(a, b));
        }
        return 0;
    }

    private static IEnumerable<(string, Func<Random, int, RoaringBitmap>)> Densities() =>
    [
        ("0.1% random", (r, n) => RandomBitmap(r, n, 0.001)),
        ("1% random", (r, n) => RandomBitmap(r, n, 0.01)),
        ("10% random", (r, n) => RandomBitmap(r, n, 0.10)),
        ("50% random", (r, n) => RandomBitmap(r, n, 0.50)),
        ("50% in runs of ~1000", (r, n) => Runs(r, n, 1000)),
    ];

    private static void Report(string density, RoaringBitmap sample, long bytes, string op, int runs, double plainGbs, Func<object> action)
    {
        var seconds = Time(runs, () => GC.KeepAlive(action()));
        var gbs = bytes / seconds / 1e9;
        Console.WriteLine($"  {density,-20} {Kinds(sample),-12} {bytes / 1024.0 / 1024.0,6:0.00}MB {op,-8} {seconds * 1e6,8:0.0} {gbs,7:0.00} {plainGbs,17:0.00} {gbs / plainGbs,7:0.00}");
    }

    // Reads the same number of bytes once with 256-bit loads: the bandwidth limit the bitmap kernels approach.
    private static double PlainPass(long bytes, int runs)
    {
        var data = new ulong[bytes / 8];
        new Random(1).NextBytes(MemoryMarshal.AsBytes(data.AsSpan()));
        return bytes / Time(runs, () => GC.KeepAlive(Sum(data))) / 1e9;
    }

    /// <summary>Median seconds per call: warmed up past tiered JIT, each sample a batch of at least ~5 ms.</summary>
    private static double Time(int runs, Action action)
    {
        var warm = Stopwatch.StartNew();
        var calls = 0;
        while (warm.ElapsedMilliseconds < 300 || calls < 50)
        {
            action();
            calls++;
        }
        var batch = Math.Max(1, (int)(calls * 5.0 / warm.ElapsedMilliseconds));
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            for (var j = 0; j < batch; j++)
                action();
            times.Add(stopwatch.Elapsed.TotalSeconds / batch);
        }
        return Measure.Median(times);
    }

    private static ulong Sum(ReadOnlySpan<ulong> data)
    {
        var acc = Vector256<ulong>.Zero;
        var i = 0;
        for (; i <= data.Length - 4; i += 4)
            acc += Vector256.Create(data.Slice(i, 4));
        var sum = Vector256.Sum(acc);
        for (; i < data.Length; i++)
            sum += data[i];
        return sum;
    }

    private static RoaringBitmap RandomBitmap(Random random, int universe, double density)
    {
        var values = new List<uint>();
        for (var v = 0; v < universe; v++)
            if (random.NextDouble() < density)
                values.Add((uint)v);
        var bitmap = RoaringBitmap.FromSorted(CollectionsMarshal.AsSpan(values));
        bitmap.RunOptimize();
        return bitmap;
    }

    private static RoaringBitmap Runs(Random random, int universe, int meanLength)
    {
        var values = new List<uint>();
        for (var v = 0; v < universe;)
        {
            var length = random.Next(1, 2 * meanLength);
            for (var j = 0; j < length && v < universe; j++, v++)
                values.Add((uint)v);
            v += random.Next(1, 2 * meanLength);
        }
        var bitmap = RoaringBitmap.FromSorted(CollectionsMarshal.AsSpan(values));
        bitmap.RunOptimize();
        return bitmap;
    }

    private static long Bytes(RoaringBitmap bitmap)
    {
        long bytes = 0;
        for (var i = 0; i < bitmap.ContainerCount; i++)
            bytes += bitmap.ContainerAt(i).SerializedSize;
        return bytes;
    }

    private static string Kinds(RoaringBitmap bitmap) => string.Join("/", Enumerable.Range(0, bitmap.ContainerCount)
        .Select(i => bitmap.ContainerAt(i) switch { ArrayContainer => "array", BitsetContainer => "bitset", _ => "run" })
        .Distinct());
}
