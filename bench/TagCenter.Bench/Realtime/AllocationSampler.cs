using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace TagCenter.Bench.Realtime;

/// <summary>
/// The runtime's allocation samples (one event per ~100 KB allocated, naming the type of the object that crossed the
/// mark), counted by type: which objects a run allocates most of, for finding what the garbage collector pauses for.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
            return;
        var type = e.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, b) => b + amount);
    }

    public void Print(int top)
    {
        var total = _bytes.Values.Sum();
        Console.WriteLine($"    allocated (sampled) {total / 1048576.0:0} MB; by type:");
        foreach (var (type, bytes) in _bytes.OrderByDescending(b => b.Value).Take(top))
            Console.WriteLine($"      {bytes / 1048576.0,8:0.0} MB  {type}");
    }
}
