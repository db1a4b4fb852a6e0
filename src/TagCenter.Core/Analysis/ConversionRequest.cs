using TagCenter.Core.Expressions;

namespace TagCenter.Core.Analysis;

/// <summary>
/// Conversion by dimension: among the persons of the population (every person of the golden record, or a segment
/// or rule), the share who did <see cref="Goal"/> in the window before the as-of time, (as-of − window, as-of]:
/// the same as the rule <c>did('goal', within: 7d)</c> would say for that person at that time, per value of
/// the dimension.
/// </summary>
public sealed record ConversionRequest(string Goal, Window Within, DateTime AsOf, Dimension By)
{
    public Population Population { get; init; } = Population.Everyone;

    /// <summary>The start of the window (exclusive).</summary>
    public DateTime Since => Durations.Before(AsOf, Within);
}

/// <summary>The persons of one group and how many of them converted.</summary>
public sealed record ConversionGroup(string? Value, long Persons, long Converted)
{
    public double? Rate => Persons == 0 ? null : (double)Converted / Persons;
}

/// <summary>Conversion over the whole population and per value of the dimension (largest first, then other and none).</summary>
public sealed record ConversionResult(ConversionRequest Request, ConversionGroup Total, IReadOnlyList<ConversionGroup> Groups);
