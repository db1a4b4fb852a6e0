using TagCenter.Core.Segments;

namespace TagCenter.DuckDb.Segments;

/// <summary>
/// The one seam for counting a segment: SQL over the tag rules today (<see cref="SegmentEvaluator"/>), the
/// bitmap plan once the index is built. Both answer for the same persons at the same as-of.
/// </summary>
public interface ISegmentCounter
{
    /// <summary>How many persons the rule selects, and of how many.</summary>
    SegmentCount Count(SegmentDefinition segment, CancellationToken cancellationToken = default);
}

/// <summary>A count: the members, all persons, and the time the count took.</summary>
public sealed record SegmentCount(long Size, long Persons, TimeSpan Elapsed)
{
    public const string SqlEngine = "sql";
    public const string IndexEngine = "index";

    /// <summary>What answered: <see cref="SqlEngine"/> (the rule computed over the data) or <see cref="IndexEngine"/> (the bitmap index).</summary>
    public string Engine { get; init; } = SqlEngine;

    public double Share => Persons == 0 ? 0 : (double)Size / Persons;
}
