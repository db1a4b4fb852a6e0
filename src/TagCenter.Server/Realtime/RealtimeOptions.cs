namespace TagCenter.Server.Realtime;

/// <summary>How the segment stream behaves: how often an idle stream sends a heartbeat, and how many changes a slow subscriber may lag before it is dropped.</summary>
public sealed record RealtimeOptions
{
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Changes queued per subscriber; one more and the subscriber gets <c>event: overflow</c> and is closed (it never blocks the others).</summary>
    public int SubscriberCapacity { get; init; } = 1024;
}
