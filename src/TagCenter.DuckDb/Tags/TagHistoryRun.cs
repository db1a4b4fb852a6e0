namespace TagCenter.DuckDb.Tags;

/// <summary>A stored tag run as history numbers it: <see cref="Seq"/> orders the runs and bounds the value intervals.</summary>
public sealed record TagHistoryRun(int Seq, string RunId, DateTime AsOf, DateTime FinishedAt, IReadOnlyList<string> Tags);
