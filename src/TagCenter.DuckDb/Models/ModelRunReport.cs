namespace TagCenter.DuckDb.Models;

/// <summary>One training attempt: the version it recorded, whether it is now in use, and why not when it failed.</summary>
public sealed record ModelRunReport(string Model, int Version, bool Succeeded, long Persons, string? Message, int? VersionInUse, TimeSpan Elapsed)
{
    /// <summary>The metrics the version recorded (empty when it failed), for a one-line summary.</summary>
    public IReadOnlyDictionary<string, object?> Metrics { get; init; } = new Dictionary<string, object?>();
}
