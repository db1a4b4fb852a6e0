namespace TagCenter.DuckDb.Realtime;

/// <summary>Fact rows already read for <see cref="Persons"/>: per fact name, per OneID, the rows (at least <c>event_time</c> and <c>event</c>).</summary>
public sealed record FactRows(IReadOnlySet<string> Persons, IReadOnlyDictionary<string, Dictionary<string, List<IReadOnlyDictionary<string, object?>>>> Rows);
