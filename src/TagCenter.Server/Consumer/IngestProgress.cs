namespace TagCenter.Server.Consumer;

/// <summary>Where the consumer stands, for <c>/api/v1/ingest/status</c>: the applied offset, when, and the last failure.</summary>
public sealed class IngestProgress
{
    private long _applied;

    /// <summary>Every log record below this offset is applied (committed in the workspace database).</summary>
    public long Applied
    {
        get => Interlocked.Read(ref _applied);
        internal set => Interlocked.Exchange(ref _applied, value);
    }

    public DateTimeOffset? LastAppliedAt { get; internal set; }

    /// <summary>The last apply failure (cleared by the next success), or null.</summary>
    public string? LastError { get; internal set; }
}
