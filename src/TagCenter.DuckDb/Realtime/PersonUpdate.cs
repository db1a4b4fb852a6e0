namespace TagCenter.DuckDb.Realtime;

/// <summary>
/// One person after their events: the tag values that changed (by code; null: no value any more), whether they
/// still are a person (a OneID merged away is not), whether they had stored tags before, and the segments they
/// entered and left (by name).
/// </summary>
internal sealed record PersonUpdate(string OneId, DateTimeOffset At, bool Present, bool HadRow, IReadOnlyDictionary<string, object?> Changed,
    IReadOnlyList<string> Entered, IReadOnlyList<string> Left)
{
    public bool TagsChanged => Changed.Count > 0 || (!Present && HadRow);
}
