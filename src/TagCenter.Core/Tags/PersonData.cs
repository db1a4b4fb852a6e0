namespace TagCenter.Core.Tags;

/// <summary>One person's data for the real-time path: golden-record fields and their fact rows (each with event_time).</summary>
public sealed record PersonData(
    IReadOnlyDictionary<string, object?> Fields,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>> Facts)
{
    /// <summary>
    /// Stored tag values by code, read by tags compiled without a rule (model tags, and published tags a segment
    /// reads from <c>person_tags</c>); null: they are read from <see cref="Fields"/>, where a code may clash with a field.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? Tags { get; init; }
}
