namespace TagCenter.DuckDb.Models;

/// <summary>One training attempt: the version it recorded, whether it is now in use, and why not when it failed.</summary>
public sealed record ModelRunReport(string Model, int Version, bool Succeeded, long Persons, string? Message, int? VersionInUse, TimeSpan Elapsed);
