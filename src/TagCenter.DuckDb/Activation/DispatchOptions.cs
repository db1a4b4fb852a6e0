namespace TagCenter.DuckDb.Activation;

/// <summary>How hard the dispatcher tries: attempts before a dead letter, backoff, timeout, parallelism per destination, circuit breaker.</summary>
public sealed record DispatchOptions
{
    /// <summary>Attempts (first try included) before a delivery becomes a dead letter.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The first retry's delay; each next one doubles, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries in flight at once to one destination (its bulkhead).</summary>
    public int PerDestination { get; init; } = 8;

    /// <summary>How long a destination whose circuit opened is left alone.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Failure ratio (over at least 20 calls in 30 s) that opens a destination's circuit.</summary>
    public double FailureRatio { get; init; } = 0.9;

    public int BatchLimit { get; init; } = 10_000;

    /// <summary>How long the pump's status writes gather before they commit as one transaction (zero: as soon as the previous commit is done).</summary>
    public TimeSpan CommitEvery { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>The pump's longest sleep between sweeps of the outbox when nothing wakes it.</summary>
    public TimeSpan Idle { get; init; } = TimeSpan.FromSeconds(5);
}
