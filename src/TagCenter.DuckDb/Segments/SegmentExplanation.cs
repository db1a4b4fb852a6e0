namespace TagCenter.DuckDb.Segments;

/// <summary>Why a person is in a segment or not: each predicate of the rule with the values it read and whether it held.</summary>
public sealed record SegmentExplanation(string Segment, string OneId, string Rule, DateTime AsOf, IReadOnlyList<PredicateResult> Predicates, bool? Result)
{
    public bool Member => Result == true;
}

/// <summary>One predicate (a leaf under and/or/not): its text, the person's values of what it reads, and its value (null: unknown).</summary>
public sealed record PredicateResult(string Text, IReadOnlyList<(string Name, string? Value)> Values, bool? Held);
