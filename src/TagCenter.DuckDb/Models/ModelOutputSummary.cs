namespace TagCenter.DuckDb.Models;

/// <summary>
/// How one output of the version in use is distributed: value counts for text and list outputs (a list counts each
/// item), count/sum/mean/min/max for numbers.
/// </summary>
public sealed record ModelOutputSummary(string Output, long Persons, IReadOnlyList<(string Value, long Persons)> Counts,
    double? Sum, double? Mean, double? Min, double? Max);
