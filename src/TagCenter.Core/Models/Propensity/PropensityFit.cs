namespace TagCenter.Core.Models.Propensity;

/// <summary>A learner tried on the validation persons, with its AUC there.</summary>
public sealed record LearnerResult(string Learner, double ValidationAuc);

/// <summary>How much one feature tag drives the chosen model (share of the total absolute weight or gain).</summary>
public sealed record FeatureImportance(string Feature, double Share);

/// <summary>
/// A trained classifier: the learner chosen on validation, its metrics on the held-out persons (never used to fit or
/// choose), the most important features and the probability of every scored person.
/// </summary>
public sealed record PropensityFit(
    string Learner, IReadOnlyList<LearnerResult> Candidates, ClassifierMetrics Holdout, IReadOnlyList<FeatureImportance> TopFeatures,
    float[] Scores, int TrainPersons, int ValidationPersons, int HoldoutPersons)
{
    /// <summary>Every feature's permutation importance on the held-out persons, largest first (empty without a hold-out of both classes).</summary>
    public IReadOnlyList<PermutationImportance> Permutation { get; init; } = [];
}
