namespace TagCenter.Core.Realtime;

/// <summary>
/// One person's activity columns as they now are (<see cref="Index.ActivityColumns"/>): by column code, the latest
/// event's day relative to the index's anchor; a column not listed has no value (no row up to the anchor, or no
/// longer a person).
/// </summary>
public sealed record ActivityPatch(uint Ordinal, IReadOnlyDictionary<string, long> Latest);
