namespace TagCenter.Core.Models.Rfm;

/// <summary>
/// Declared score cut-offs, four ascending values per measure. Recency in days: at most the first is 5, above the
/// last is 1. Frequency and monetary: at least the last is 5, below the first is 1.
/// </summary>
public sealed record RfmThresholds(IReadOnlyList<double> Recency, IReadOnlyList<double> Frequency, IReadOnlyList<double> Monetary);
