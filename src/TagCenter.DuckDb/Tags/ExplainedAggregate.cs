namespace TagCenter.DuckDb.Tags;

/// <summary>One behaviour aggregate of a rule for one person: its value and the fact rows that count towards it (the first ones, newest first).</summary>
public sealed record ExplainedAggregate(string Expression, string Fact, string? Value, long Rows, IReadOnlyList<ExplainedRow> Shown);
