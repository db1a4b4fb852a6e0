namespace TagCenter.Core.Segments;

/// <summary>
/// One segment (人群) as declared in <c>segments/*.yaml</c>: a rule in the expression language over tags and
/// behaviour, with the place of the rule in its file so every diagnostic points there.
/// </summary>
public sealed record SegmentDefinition
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public string? Owner { get; init; }

    public string BusinessLine { get; init; } = "全公司";

    public SegmentType Type { get; init; } = SegmentType.Dynamic;

    public required string Rule { get; init; }

    /// <summary>Why the segment is being retired and what replaces it (<c>deprecated: "…"</c>); null while it is in use.</summary>
    public string? Deprecated { get; init; }

    public required string File { get; init; }

    public int RuleLine { get; init; } = 1;

    public int RuleColumn { get; init; } = 1;
}
