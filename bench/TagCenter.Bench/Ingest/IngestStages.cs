using System.Diagnostics;
using System.Text;
using TagCenter.Bench.Log;
using TagCenter.Server.Ingest;
using TagCenter.Server.Log;

namespace TagCenter.Bench.Ingest;

/// <summary>
/// Issue #11, where the time of one ingest request goes: the stages <c>POST /v1/batch</c> runs for a batch of 100
/// captured-shape track events, each timed alone on one thread (µs per batch and events/s one core could do):
/// parse and validate (the one-pass reader that serves requests; indented above it, the document path it stands in for
/// and its parts), de-duplicate, build the log payloads, and the durable append (fsync) of one batch alone.
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
        var options = new System.Text.Json.JsonDocumentOptions { MaxDepth = limits.MaxDepth + 3 };
        Time("  JsonDocument.Parse alone", batches, batch, i => System.Text.Json.JsonDocument.Parse(bodies[i].AsMemory(), options).Dispose());
        Time("  + one pass over each message's fields", batches, batch, i =>
        {
            using var d = System.Text.Json.JsonDocument.Parse(bodies[i].AsMemory(), options);
            foreach (var m in d.RootElement.GetProperty("batch").EnumerateArray())
                GC.KeepAlive(MessageFields.Read(m));
        });
        Time("  + depth walk of each message", batches, batch, i =>
        {
            using var d = System.Text.Json.JsonDocument.Parse(bodies[i].AsMemory(), options);
            foreach (var m in d.RootElement.GetProperty("batch").EnumerateArray())
                GC.KeepAlive((MessageFields.Read(m).Type, JsonChecks.Deeper(m, limits.MaxDepth)));
        });
        Time("  the document path (ParseBatchDocument)", batches, batch, i => SegmentParser.ParseBatchDocument(bodies[i], limits).Dispose());
        Time("parse + validate (SegmentParser.ParseBatch)", batches, batch, i => GC.KeepAlive(SegmentParser.ParseBatchOver(bodies[i], limits)));
        var parsed = bodies.Select(b => SegmentParser.ParseBatch(b, limits)).ToArray();
        if (parsed.SelectMany(b => b.Messages).Select(m => m.MessageId).Distinct().Count() != batches * batch)
            throw new InvalidOperationException("the bench's messageIds are not unique");
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
            Console.WriteLine($"  durable append of one batch alone (fsync)        {watch.Elapsed.TotalMilliseconds * 1000 / appends,9:N0} µs wall/batch");
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
        return 0;
    }

    /// <summary>A <c>/v1/batch</c> body of <paramref name="batch"/> captured-shape events with unique messageIds
    /// (<c>{prefix}-{index}-{j}</c> in place of the captured event's own id).</summary>
    internal static byte[] Body(int index, int batch, string prefix)
    {
        var template = Encoding.UTF8.GetString(LogBenchmark.Event());
        var captured = System.Text.Json.JsonDocument.Parse(template).RootElement.GetProperty("messageId").GetString()!;
        var text = new StringBuilder("{\"batch\":[");
        for (var j = 0; j < batch; j++)
            text.Append(j == 0 ? "" : ",").Append(template.Replace(captured, $"{prefix}-{index}-{j}", StringComparison.Ordinal));
        return Encoding.UTF8.GetBytes(text.Append("]}").ToString());
    }

    /// <summary>Times a stage by the process's CPU time (the machine is shared: wall time would count other programs).</summary>
    private static void Time(string name, int batches, int batch, Action<int> stage)
    {
        for (var i = 0; i < Math.Min(batches, 200); i++)
            stage(i);   // JIT
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < batches; i++)
            stage(i);
        Line(name, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds * 1000 / batches, batch,
            watch.Elapsed.TotalMilliseconds * 1000 / batches);
    }

    private static void Line(string name, double microsPerBatch, int batch, double? wall = null) =>
        Console.WriteLine($"  {name,-48} {microsPerBatch,9:N0} µs CPU/batch   {batch * 1e6 / microsPerBatch,12:N0} events/s per core"
            + (wall is { } w ? $"   (wall {w:N0} µs)" : ""));
}
