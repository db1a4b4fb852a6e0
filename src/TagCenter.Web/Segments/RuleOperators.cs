namespace TagCenter.Web.Segments;

/// <summary>
/// The operators the builder offers for a tag, from its value type (as the API writes it: <c>int</c>, <c>decimal</c>,
/// <c>string</c>, <c>date</c>, …) and whether it has an enum set: ranges for numbers and dates, sets for enums and
/// text, <c>contains</c> for lists.
/// </summary>
public static class RuleOperators
{
    public static bool IsNumeric(string type) => type is "int" or "decimal" or "duration";

    public static IReadOnlyList<RuleOperator> For(string type, bool hasValues)
    {
        if (type == "list")
            return [RuleOperator.Contains, RuleOperator.IsNull, RuleOperator.IsNotNull];
        if (hasValues)
            return [RuleOperator.Equal, RuleOperator.NotEqual, RuleOperator.In, RuleOperator.NotIn, RuleOperator.IsNull, RuleOperator.IsNotNull];
        if (IsNumeric(type) || type is "date" or "timestamp")
            return [RuleOperator.Equal, RuleOperator.NotEqual, RuleOperator.Greater, RuleOperator.GreaterOrEqual, RuleOperator.Less, RuleOperator.LessOrEqual,
                RuleOperator.Between, RuleOperator.IsNull, RuleOperator.IsNotNull];
        if (type == "bool")
            return [RuleOperator.Equal, RuleOperator.IsNull, RuleOperator.IsNotNull];
        return [RuleOperator.Equal, RuleOperator.NotEqual, RuleOperator.In, RuleOperator.NotIn, RuleOperator.IsNull, RuleOperator.IsNotNull];
    }
}
