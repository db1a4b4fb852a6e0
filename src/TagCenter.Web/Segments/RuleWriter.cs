using System.Globalization;

namespace TagCenter.Web.Segments;

/// <summary>
/// Writes the builder's groups and conditions as segment rule text (the language of <c>segments/*.yaml</c>): names
/// quoted with backquotes when they are not plain names, strings in single quotes, numbers bare, groups in
/// parentheses. Incomplete conditions are left out, so the text is always what the filled-in part means.
/// </summary>
public static class RuleWriter
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "in", "between", "is", "contains", "when", "then", "else", "end", "case", "null", "true", "false",
    };

    public static string Write(RuleGroup group) => Group(group, top: true) ?? "";

    private static string? Group(RuleGroup group, bool top)
    {
        var parts = group.Conditions.Select(Condition).Concat(group.Groups.Select(g => Group(g, top: false)))
            .OfType<string>().ToList();
        if (parts.Count == 0)
            return null;
        var joined = parts.Count == 1 ? parts[0] : string.Join(group.Any ? " or " : " and ", parts);
        if (group.Not)
            return "not (" + joined + ")";
        // A nested group of several parts is one operand of its parent: in parentheses (a condition is atomic, between included).
        return top || parts.Count == 1 ? joined : "(" + joined + ")";
    }

    /// <summary>One condition as text, or null while it is incomplete.</summary>
    public static string? Condition(RuleCondition c)
    {
        var text = c.IsBehaviour ? Behaviour(c) : Tag(c);
        return text is null ? null : c.Not ? "not (" + text + ")" : text;
    }

    private static string? Behaviour(RuleCondition c)
    {
        if (string.IsNullOrWhiteSpace(c.Event) || c.WithinDays <= 0)
            return null;
        var window = "within: " + c.WithinDays.ToString(CultureInfo.InvariantCulture) + "d";
        return c.AtLeast is > 1 and var n
            ? "count(" + String(c.Event) + ", " + window + ") >= " + n.ToString(CultureInfo.InvariantCulture)
            : "did(" + String(c.Event) + ", " + window + ")";
    }

    private static string? Tag(RuleCondition c)
    {
        if (string.IsNullOrWhiteSpace(c.Tag))
            return null;
        var name = Name(c.Tag);
        switch (c.Operator)
        {
            case RuleOperator.IsNull:
                return name + " is null";
            case RuleOperator.IsNotNull:
                return name + " is not null";
            case RuleOperator.In or RuleOperator.NotIn:
                var values = c.Values.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
                if (values.Count == 0)
                    return null;
                return name + (c.Operator == RuleOperator.NotIn ? " not in (" : " in (") + string.Join(", ", values.Select(v => Value(v, c.Numeric))) + ")";
            case RuleOperator.Between:
                if (string.IsNullOrWhiteSpace(c.Value) || string.IsNullOrWhiteSpace(c.High))
                    return null;
                return name + " between " + Value(c.Value, c.Numeric) + " and " + Value(c.High, c.Numeric);
            default:
                if (string.IsNullOrWhiteSpace(c.Value))
                    return null;
                return name + " " + Symbol(c.Operator) + " " + Value(c.Value, c.Numeric);
        }
    }

    public static string Symbol(RuleOperator op) => op switch
    {
        RuleOperator.Equal => "=",
        RuleOperator.NotEqual => "!=",
        RuleOperator.Greater => ">",
        RuleOperator.GreaterOrEqual => ">=",
        RuleOperator.Less => "<",
        RuleOperator.LessOrEqual => "<=",
        RuleOperator.In => "in",
        RuleOperator.NotIn => "not in",
        RuleOperator.Between => "between",
        RuleOperator.IsNull => "is null",
        RuleOperator.IsNotNull => "is not null",
        RuleOperator.Contains => "contains",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary>A tag name as the rule language reads it: bare when it is a plain name, else in backquotes.</summary>
    public static string Name(string name)
    {
        var plain = name.Length > 0 && IsNameStart(name[0]) && name.All(ch => IsNameStart(ch) || char.IsDigit(ch)) && !Keywords.Contains(name);
        return plain ? name : "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
    }

    private static string Value(string value, bool numeric)
    {
        var trimmed = value.Trim();
        var bare = double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || trimmed is "true" or "false";
        return numeric && bare ? trimmed : String(value);
    }

    private static string String(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter;
}
