namespace TagCenter.DuckDb.Tags;

/// <summary>A fact row counted by an aggregate: where it was read from and the columns the rule reads.</summary>
public sealed record ExplainedRow(string? Source, long? Line, DateTime? At, IReadOnlyList<(string Column, string? Value)> Columns);
