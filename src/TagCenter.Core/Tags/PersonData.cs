namespace TagCenter.Core.Tags;

/// <summary>One person's data for the real-time path: golden-record fields and their fact rows (each with event_time).</summary>
public sealed record PersonData(
    IReadOnlyDictionary<string, object?> Fields,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>> Facts);
