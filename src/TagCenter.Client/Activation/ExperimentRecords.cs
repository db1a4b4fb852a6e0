namespace TagCenter.Client;

/// <summary>An experiment as declared: the segment it splits, its arms and holdout (percent), its goal and minimum detectable effect.</summary>
public sealed record ExperimentSummary(string Name, string? Description, string Segment, IReadOnlyList<ExperimentArm> Arms, decimal Holdout, string Goal,
    decimal Mde, string? File);

public sealed record ExperimentArm(string Arm, decimal Percent, IReadOnlyList<string> Actions);

/// <summary>An experiment's results: members, the sample size per group needed for its effect, and each arm's figures.</summary>
public sealed record ExperimentResults(string Name, string Segment, string Goal, long Members, DateTime? AssignedAt, long SampleSizeNeeded, decimal Mde,
    IReadOnlyList<ExperimentArmResult> Arms);

/// <summary>
/// An arm's conversion and, for an arm other than the holdout, its lift over the holdout (absolute, in rate points, and
/// relative) with the 95% interval of the absolute lift and the p-value.
/// </summary>
public sealed record ExperimentArmResult(string Arm, decimal Percent, long Assigned, long Converted, double Conversion, double? Lift, double? RelativeLift,
    double? CiLow, double? CiHigh, double? PValue);
