namespace TagCenter.Core.Activation;

/// <summary>
/// A trigger firing for a person (or, for a segment-level trigger, for a segment: <see cref="Person"/> is empty).
/// (<see cref="Trigger"/>, <see cref="Person"/>, <see cref="Id"/>) is the idempotency key: the same occurrence is enqueued once.
/// </summary>
public sealed record Occurrence(string Trigger, string Person, string Id, DateTimeOffset At, string Detail)
{
    /// <summary>The outbox key of the <paramref name="action"/>-th action of this occurrence.</summary>
    public string Key(int action) => $"{Trigger}|{Person}|{Id}|{action}";
}
