using System.Diagnostics;
using System.Text;
using TagCenter.Bench.Log;
using TagCenter.Server.Ingest;
using TagCenter.Server.Log;

namespace TagCenter.Bench.Ingest;

/// <summary>
/// Issue #11, where the time of one ingest request goes: the stages <c>POST /v1/batch</c> runs for a batch of 100
/// captured-shape track events, each timed alone on one thread (µs per batch and events/s one core could do):
/// parse and validate, de-duplicate, build the log payloads, and the durable append (fsync) of one batch alone.
/// The HTTP figure of <c>ingest</c> minus these is the HTTP stack and the loader.
/// </summary>
internal static class IngestStages
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var batches = args.Int("batches", 2000);
        var batch = args.Int("batch", 100);
        var bodies = Enumerable.Range(0, batches).Select(i => Body(i, batch, "s")).ToArray();
        Console.WriteLine($"ingest stages: {batches:N0} batches of {batch} events ({bodies[0].Length / 1024.0:0.0} KB each), one thread");
        var limits = new SegmentLimits();
        Time("parse + validate (SegmentParser.ParseBatch)", batches, batch, i => GC.KeepAlive(SegmentParser.ParseBatch(bodies[i], limits)));
        var parsed = bodies.Select(b => SegmentParser.ParseBatch(b, limits)).ToArray();
        var window = new MessageIdWindow(TimeProvider.System);
        Time("messageId window (TryAdd × batch)", batches, batch, i =>
        {
            foreach (var m in parsed[i].Messages)
                window.TryAdd(m.MessageId!);
        });
        var now = TimeProvider.System.GetUtcNow();
        Time("log payloads (SegmentPayload.ToLogPayload)", batches, batch, i =>
        {
            foreach (var m in parsed[i].Messages)
                GC.KeepAlive(SegmentPayload.ToLogPayload(m, parsed[i], now, "sdk", m.MessageId));
        });
        var folder = Path.Combine(Path.GetTempPath(), "tc-ingeststages-" + Environment.ProcessId);
        try
        {
            await using var log = DurableLog.Open(folder);
            var payloads = parsed[0].Messages.Select(m => (ReadOnlyMemory<byte>)SegmentPayload.ToLogPayload(m, parsed[0], now, "sdk", m.MessageId)).ToArray();
            var appends = Math.Min(batches, 200);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < appends; i++)
                await log.AppendBatchAsync(payloads);
            Line("durable append of one batch alone (fsync)", watch.Elapsed.TotalMilliseconds * 1000 / appends, batch);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
        return 0;
    }

    /// <summary>A <c>/v1/batch</c> body of <paramref name="batch"/> captured-shape events with unique messageIds.</summary>
    internal static byte[] Body(int index, int batch, string prefix)
    {
        var template = Encoding.UTF8.GetString(LogBenchmark.Event());
        var rest = template[(template.IndexOf('{', StringComparison.Ordinal) + 1)..];
        var text = new StringBuilder("{\"batch\":[");
        for (var j = 0; j < batch; j++)
            text.Append(j == 0 ? "" : ",").Append("{\"messageId\":\"").Append(prefix).Append('-').Append(index).Append('-').Append(j).Append("\",").Append(rest);
        return Encoding.UTF8.GetBytes(text.Append("]}").ToString());
    }

    private static void Time(string name, int batches, int batch, Action<int> stage)
    {
        for (var i = 0; i < Math.Min(batches, 200); i++)
            stage(i);   // JIT
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < batches; i++)
            stage(i);
        Line(name, watch.Elapsed.TotalMilliseconds * 1000 / batches, batch);
    }

    private static void Line(string name, double microsPerBatch, int batch) =>
        Console.WriteLine($"  {name,-48} {microsPerBatch,9:N0} µs/batch   {batch * 1e6 / microsPerBatch,12:N0} events/s on one core");
}
