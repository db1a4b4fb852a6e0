namespace TagCenter.Core.Models.Rfm;

/// <summary>The scores of every person and the score means the classes were split at.</summary>
public sealed record RfmResult(IReadOnlyList<RfmScore> Scores, double MeanR, double MeanF, double MeanM);
