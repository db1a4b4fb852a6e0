namespace TagCenter.DuckDb.Ingest;

/// <summary>What one load of one source did. <c>Read = Loaded + Quarantined</c> always holds.</summary>
public sealed record LoadReport(
    string Source,
    string LoadId,
    LoadStatus Status,
    long Read,
    long Loaded,
    long Quarantined,
    long Nulled,
    IReadOnlyList<ReasonCount> TopReasons,
    TimeSpan Elapsed);

public enum LoadStatus
{
    Loaded,
    Unchanged,
}

/// <summary>How many rows (or nulled values) failed for one reason on one column.</summary>
public sealed record ReasonCount(string Reason, string? Column, long Count)
{
    /// <summary><c>quarantined</c> (the row was set aside) or <c>nulled</c> (the value was set to NULL, the row kept).</summary>
    public string Action { get; init; } = "quarantined";
}
