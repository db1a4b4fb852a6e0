using TagCenter.Core.Tags;

namespace TagCenter.Core.Models;

/// <summary>The outputs each kind of model produces, with the tag type a model tag fed by it must have.</summary>
public static class ModelOutput
{
    public static IReadOnlyDictionary<string, TagValueType> Of(ModelKind kind) => kind switch
    {
        ModelKind.Rfm => Rfm,
        ModelKind.Clv => Clv,
        ModelKind.Propensity => Propensity,
        ModelKind.Lookalike => Lookalike,
        ModelKind.Cluster => Cluster,
        ModelKind.Recommendation => Recommendation,
        _ => Preference,
    };

    private static readonly Dictionary<string, TagValueType> Propensity = new(StringComparer.Ordinal) { ["probability"] = TagValueType.Decimal };

    private static readonly Dictionary<string, TagValueType> Lookalike = new(StringComparer.Ordinal) { ["similarity"] = TagValueType.Decimal };

    private static readonly Dictionary<string, TagValueType> Cluster = new(StringComparer.Ordinal)
    {
        ["cluster"] = TagValueType.String,
        ["cluster_number"] = TagValueType.Int,
    };

    private static readonly Dictionary<string, TagValueType> Recommendation = new(StringComparer.Ordinal) { ["items"] = TagValueType.List };

    private static readonly Dictionary<string, TagValueType> Rfm = new(StringComparer.Ordinal)
    {
        ["class"] = TagValueType.String,
        ["r_score"] = TagValueType.Int,
        ["f_score"] = TagValueType.Int,
        ["m_score"] = TagValueType.Int,
        ["recency_days"] = TagValueType.Int,
        ["frequency"] = TagValueType.Int,
        ["monetary"] = TagValueType.Decimal,
    };

    private static readonly Dictionary<string, TagValueType> Clv = new(StringComparer.Ordinal)
    {
        ["clv"] = TagValueType.Decimal,
        ["expected_purchases"] = TagValueType.Decimal,
        ["p_alive"] = TagValueType.Decimal,
        ["expected_spend"] = TagValueType.Decimal,
    };

    private static readonly Dictionary<string, TagValueType> Preference = new(StringComparer.Ordinal)
    {
        ["top"] = TagValueType.List,
        ["first"] = TagValueType.String,
        ["share"] = TagValueType.Decimal,
        ["level"] = TagValueType.String,
    };
}
