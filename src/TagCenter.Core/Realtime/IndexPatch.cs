namespace TagCenter.Core.Realtime;

/// <summary>
/// One person's row as it now is, for the bitmap index: their ordinal, whether they are still a person (a OneID
/// merged away is not), and the value of every indexed tag (by code; null: no value) as the engine stores it.
/// </summary>
public sealed record IndexPatch(uint Ordinal, bool Present, IReadOnlyDictionary<string, object?> Values)
{
    /// <summary>
    /// Whether the patch carries the person's golden columns (<see cref="Birthday"/>): the committed path reads them
    /// after an identity append may have changed the golden record (a merge, a new identifier); the live path never
    /// changes a golden record and leaves the overlay's as it is.
    /// </summary>
    public bool Golden { get; init; }

    /// <summary>The golden birthday in days since 1970-01-01 (the index's birthday column), when <see cref="Golden"/>.</summary>
    public long? Birthday { get; init; }
}
