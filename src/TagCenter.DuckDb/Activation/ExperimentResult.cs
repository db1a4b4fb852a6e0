using TagCenter.Core.Activation;

namespace TagCenter.DuckDb.Activation;

/// <summary>One arm's figures: assigned and converted, and (not for the holdout) the comparison with the holdout.</summary>
public sealed record ArmResult(string Arm, decimal Percent, ArmCounts Counts, ArmComparison? VsHoldout);

/// <summary>
/// An experiment's results: per arm conversion, lift against the holdout with its interval and p-value, and the
/// persons per group needed to detect the experiment's minimum detectable effect (power 0.8, α 0.05) at the holdout's rate.
/// </summary>
public sealed record ExperimentResult(ExperimentDefinition Experiment, long Members, DateTime? AssignedAt, IReadOnlyList<ArmResult> Arms, long SampleSizeNeeded);
