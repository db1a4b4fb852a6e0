namespace TagCenter.DuckDb.Tags;

/// <summary>Who took a tag's value and who lost it between two runs: the "entered / left" of a crowd.</summary>
public sealed record TagMovement(string Tag, string Value, TagHistoryRun Since, TagHistoryRun Until, IReadOnlyList<string> Entered, IReadOnlyList<string> Left);
