using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace TagCenter.Bench.Realtime;

/// <summary>
/// Each garbage collection of the run from the runtime's own events: generation, reason, how long the threads were
/// suspended (from suspension begun to threads restarted) and how much survived, for finding which collections a
/// latency target waits for.
/// </summary>
internal sealed class GcPauses : EventListener
{
    private readonly ConcurrentQueue<(int Gen, string Reason, double PausedMs, long Promoted, double SuspendMs, double WorkMs)> _pauses = new();
    private DateTime _suspendedEnd, _gcStart, _gcEnd;
    private (int Gen, string Reason) _current;
    private DateTime _suspended;
    private long _promoted;
    private readonly ConcurrentDictionary<int, long> _marked = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, EventLevel.Informational, (EventKeywords)0x1); // GC keyword
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        switch (e.EventName)
        {
            case { } n when n.StartsWith("GCSuspendEEBegin", StringComparison.Ordinal):
                _suspended = e.TimeStamp;
                break;
            case { } n when n.StartsWith("GCSuspendEEEnd", StringComparison.Ordinal):
                _suspendedEnd = e.TimeStamp;
                break;
            case { } n when n.StartsWith("GCEnd", StringComparison.Ordinal):
                _gcEnd = e.TimeStamp;
                break;
            case { } n when n.StartsWith("GCStart", StringComparison.Ordinal):
                _gcStart = e.TimeStamp;
                _current = (Convert.ToInt32(Field(e, "Depth"), CultureInfo.InvariantCulture), Convert.ToString(Field(e, "Reason"), CultureInfo.InvariantCulture) ?? "?");
                break;
            case { } n when n.StartsWith("GCMarkWithType", StringComparison.Ordinal):
                _marked.AddOrUpdate(Convert.ToInt32(Field(e, "Type"), CultureInfo.InvariantCulture), Convert.ToInt64(Field(e, "Bytes"), CultureInfo.InvariantCulture), (_, b) => b + Convert.ToInt64(Field(e, "Bytes"), CultureInfo.InvariantCulture));
                break;
            case { } n when n.StartsWith("GCHeapStats", StringComparison.Ordinal):
                _promoted = Convert.ToInt64(Field(e, "TotalPromotedSize0"), CultureInfo.InvariantCulture) + Convert.ToInt64(Field(e, "TotalPromotedSize1"), CultureInfo.InvariantCulture);
                break;
            case { } n when n.StartsWith("GCRestartEEEnd", StringComparison.Ordinal) && _suspended != default:
                _pauses.Enqueue((_current.Gen, _current.Reason, (e.TimeStamp - _suspended).TotalMilliseconds, _promoted, (_suspendedEnd - _suspended).TotalMilliseconds, (_gcEnd - _gcStart).TotalMilliseconds));
                _suspended = default;
                break;
        }
    }

    private static object? Field(EventWrittenEventArgs e, string name) =>
        e.PayloadNames?.IndexOf(name) is { } i and >= 0 ? e.Payload![i] : 0;

    public void Print()
    {
        Console.WriteLine($"    marked by root: {string.Join(", ", _marked.OrderBy(m => m.Key).Select(m => $"{m.Key}: {m.Value / 1048576.0:0.0} MB"))}");
        foreach (var gen in _pauses.GroupBy(p => p.Gen).OrderBy(g => g.Key))
        {
            var ms = gen.Select(p => p.PausedMs).Order().ToList();
            Console.WriteLine($"    gen{gen.Key} pauses: {ms.Count}, p50 {ms[ms.Count / 2]:0.0} ms, max {ms[^1]:0.0} ms, {ms.Sum():0} ms in all; promoted p50 {gen.Select(p => p.Promoted).Order().ElementAt(ms.Count / 2) / 1048576.0:0.0} MB; suspend p50 {gen.Select(p => p.SuspendMs).Order().ElementAt(ms.Count / 2):0.00} ms, collect p50 {gen.Select(p => p.WorkMs).Order().ElementAt(ms.Count / 2):0.00} ms; reasons {string.Join(", ", gen.GroupBy(p => p.Reason).Select(r => $"{r.Key}×{r.Count()}"))}");
        }
    }
}
