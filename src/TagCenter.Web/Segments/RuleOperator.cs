namespace TagCenter.Web.Segments;

/// <summary>What a condition in the segment builder says of a tag's value.</summary>
public enum RuleOperator
{
    Equal,
    NotEqual,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
    In,
    NotIn,
    Between,
    IsNull,
    IsNotNull,
    Contains,
}
