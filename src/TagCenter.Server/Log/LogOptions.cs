namespace TagCenter.Server.Log;

/// <summary>How a <see cref="DurableLog"/> behaves: when segments roll, the largest record, how long applied
/// segments are kept, and how many bytes one group commit may gather.</summary>
public sealed record LogOptions
{
    /// <summary>A segment is closed and a new one started once it would grow past this size.</summary>
    public long SegmentBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The largest payload of one record; larger ones are refused before anything is written.</summary>
    public int MaxPayloadBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>The most bytes one group commit writes before the next fsync.</summary>
    public int MaxGroupBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>How long a segment whose records are all applied is kept before it is deleted.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(2);

    /// <summary>Whether each group is fsynced. Off only in tests and benchmarks that measure the difference.</summary>
    public bool Fsync { get; init; } = true;
}
