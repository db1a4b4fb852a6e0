using TagCenter.Core.Tags;

namespace TagCenter.Core.Fields;

/// <summary>
/// What the suggester knows of one source column: where tags can read it (a fact, or a golden field of the person),
/// its type, its values when there are few, and for numbers the cut points of its per-person 365-day sum.
/// </summary>
public sealed record FieldFacts
{
    public required string Source { get; init; }

    public required string Column { get; init; }

    /// <summary>The fact the column is read through (<c>sum('orders', amount)</c>), if any.</summary>
    public string? Fact { get; init; }

    /// <summary>The golden field chosen from the column (<c>from: level</c>), if any; preferred over the fact.</summary>
    public string? Golden { get; init; }

    public required TagValueType Type { get; init; }

    /// <summary>Whether the column is the fact's event time (then days_since applies).</summary>
    public bool IsEventTime { get; init; }

    /// <summary>All values in frequency order when there are few (≤ <see cref="TagSuggester.MaxEnumValues"/>), else null.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>For numbers on a fact: the 1/3 and 2/3 quantiles of the per-person sum over 365 days.</summary>
    public (double Low, double High)? Terciles { get; init; }
}
