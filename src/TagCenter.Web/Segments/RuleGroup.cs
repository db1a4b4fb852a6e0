namespace TagCenter.Web.Segments;

/// <summary>Conditions and nested groups joined by AND (all) or OR (any), optionally negated as a whole.</summary>
public sealed class RuleGroup
{
    /// <summary>OR when true, AND when false.</summary>
    public bool Any { get; set; }

    public bool Not { get; set; }

    public List<RuleCondition> Conditions { get; } = [];

    public List<RuleGroup> Groups { get; } = [];
}
