namespace TagCenter.Core.Models;

/// <summary>What a propensity model predicts.</summary>
public enum ModelLabelKind
{
    /// <summary>1 when the person has no event of the input in the <c>Days</c> after the cut-off (churn).</summary>
    Absent,

    /// <summary>1 when the person has at least one event of the input in the <c>Days</c> after the cut-off (purchase).</summary>
    Within,

    /// <summary>1 when a tag of the data (as of now) has one of the positive values: a static data set with a known outcome.</summary>
    Tag,
}

/// <summary>
/// A propensity model's label. For <see cref="ModelLabelKind.Absent"/> and <see cref="ModelLabelKind.Within"/> the
/// cut-off is the as-of time minus <see cref="Days"/>: features are computed as of the cut-off, the outcome is read in
/// the days after it, so no information from after the cut-off reaches the features.
/// </summary>
public sealed record ModelLabel(ModelLabelKind Kind, int Days, string? Tag, IReadOnlyList<string> Positive, IReadOnlyList<string> Negative);
