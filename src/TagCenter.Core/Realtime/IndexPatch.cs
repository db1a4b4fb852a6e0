namespace TagCenter.Core.Realtime;

/// <summary>
/// One person's row as it now is, for the bitmap index: their ordinal, whether they are still a person (a OneID
/// merged away is not), and the value of every indexed tag (by code; null: no value) as the engine stores it.
/// </summary>
public sealed record IndexPatch(uint Ordinal, bool Present, IReadOnlyDictionary<string, object?> Values);
