namespace TagCenter.Server.Realtime;

/// <summary>One person an applied batch of events touched: the OneID, when its earliest event of the batch arrived, and its rows' offsets.</summary>
public sealed record AppliedPerson(string OneId, DateTimeOffset ReceivedAt)
{
    /// <summary>The log offsets of the batch's rows that belong to the person.</summary>
    public IReadOnlyCollection<long> Lines { get; init; } = [];
}

/// <summary>
/// A batch of log records the consumer has applied to the engine (rows in the event source, identity edges), in
/// one committed transaction, up to and including log offset <see cref="LastOffset"/>.
/// </summary>
public sealed record AppliedEvents(IReadOnlyList<AppliedPerson> Persons, long LastOffset, DateTimeOffset AppliedAt)
{
    /// <summary>OneIDs merged away by identify/alias in this batch (old → surviving OneID).</summary>
    public IReadOnlyDictionary<string, string> Merged { get; init; } = new Dictionary<string, string>();

    /// <summary>OneIDs on either side of a split in this batch (a link cut: identifiers, and their rows, moved between them).</summary>
    public IReadOnlyCollection<string> Split { get; init; } = [];

    /// <summary>The persons whose identifiers the batch regrouped: both sides of each merge and each split.</summary>
    public IReadOnlyCollection<string> Regrouped => [.. Merged.Keys.Concat(Merged.Values).Concat(Split).Distinct(StringComparer.Ordinal)];

    /// <summary>Every person whose facts or identity the batch changed: the persons of its events, and those it regrouped.</summary>
    public IReadOnlyCollection<string> Touched =>
        [.. Persons.Select(p => p.OneId).Concat(Regrouped).Distinct(StringComparer.Ordinal)];
}

/// <summary>
/// Told after each applied batch has committed (rows, identity edges and the consumer's offset in one transaction):
/// the real-time evaluator re-computes the affected persons' real-time tags and dynamic segments here. A listener
/// that throws is logged and does not undo the batch; what it derives must be recomputable from committed data
/// (idempotent), since a crash between the commit and the listener loses only the notification.
/// </summary>
public interface IAppliedEventsListener
{
    ValueTask OnAppliedAsync(AppliedEvents applied, CancellationToken cancellationToken);
}
