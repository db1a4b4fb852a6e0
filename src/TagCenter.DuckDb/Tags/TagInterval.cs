namespace TagCenter.DuckDb.Tags;

/// <summary>
/// One value a person held for a tag: from the run <see cref="From"/> until the run <see cref="To"/> replaced or
/// removed it (null: still holds). What a person's history is made of.
/// </summary>
public sealed record TagInterval(string Tag, string Value, TagHistoryRun From, TagHistoryRun? To);
