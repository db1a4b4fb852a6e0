namespace TagCenter.DuckDb.Freshness;

/// <summary>Whether one stage's output reflects its inputs, and if not, why (one line per reason, for the user).</summary>
public sealed record StageFreshness(string Stage, bool Fresh, DateTime? LastRun, IReadOnlyList<string> Reasons);
