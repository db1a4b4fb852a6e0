using TagCenter.Server.Log;

namespace TagCenter.Server.Ingest;

/// <summary>How the server takes events: where the durable log lives and how it behaves, the request limits, and how
/// the consumer applies the log to the engine.</summary>
public sealed record IngestOptions
{
    /// <summary>The log folder; relative paths are under the workspace. Default <c>.tagcenter/log</c>.</summary>
    public string LogFolder { get; init; } = Path.Combine(".tagcenter", "log");

    public LogOptions Log { get; init; } = new();

    public SegmentLimits Limits { get; init; } = new();

    /// <summary>How long messageIds are remembered for de-duplication (at least 24 h, as Segment does).</summary>
    public TimeSpan DedupeWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The most log records the consumer applies in one transaction.</summary>
    public int ConsumerBatch { get; init; } = 5000;

    /// <summary>Whether the consumer runs (off in tests that only look at the log, and in the ingest benchmark).</summary>
    public bool Consume { get; init; } = true;

    /// <summary>How long the consumer waits for new records before looking again (appends wake it sooner).</summary>
    public TimeSpan IdlePoll { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The environment, for <c>write_key_env</c> (tests pass their own).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
