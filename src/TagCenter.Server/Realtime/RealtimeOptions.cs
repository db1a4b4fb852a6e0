namespace TagCenter.Server.Realtime;

/// <summary>How real time behaves: the segment stream's heartbeat and how many changes a slow subscriber may lag before it is dropped; the live path.</summary>
public sealed record RealtimeOptions
{
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Changes queued per subscriber; one more and the subscriber gets <c>event: overflow</c> and is closed (it never blocks the others).</summary>
    public int SubscriberCapacity { get; init; } = 1024;

    /// <summary>Whether events update real-time tags and segments in memory as soon as they are durable (<see cref="LiveRealtime"/>), ahead of the consumer.</summary>
    public bool Live { get; init; } = true;

    /// <summary>Persons the live path keeps in memory at most.</summary>
    public int LivePersons { get; init; } = 200_000;
}
