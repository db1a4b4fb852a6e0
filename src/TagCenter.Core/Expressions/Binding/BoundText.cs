using System.Globalization;

namespace TagCenter.Core.Expressions.Binding;

/// <summary>
/// A bound tree written back in the expression language (tags by name), for explain and plan text; the text binds
/// again to the same meaning, so a scan can be handed to the compiler as a rule.
/// </summary>
public static class BoundText
{
    public static string Write(BoundNode node) => node switch
    {
        BoundLiteral { Value: null } => "null",
        BoundLiteral { Value: bool b } => b ? "true" : "false",
        BoundLiteral { Value: string s } => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        BoundLiteral { Value: DateTime t } => t.TimeOfDay == TimeSpan.Zero
            ? t.ToString("\\'yyyy-MM-dd\\'", CultureInfo.InvariantCulture)
            : t.ToString("\\'yyyy-MM-dd HH:mm:ss\\'", CultureInfo.InvariantCulture),
        BoundLiteral l => Convert.ToString(l.Value, CultureInfo.InvariantCulture)!,
        BoundTag t => t.Tag.Name,
        BoundPersonField f => f.Field,
        BoundFactColumn c => c.Column,
        BoundNot n => $"not ({Write(n.Operand)})",
        BoundNegate n => $"-({Write(n.Operand)})",
        BoundLogical l => $"({Write(l.Left)} {(l.IsAnd ? "and" : "or")} {Write(l.Right)})",
        BoundArithmetic a => $"({Write(a.Left)} {a.Operator} {Write(a.Right)})",
        // Every operator node is written in parentheses, so a comparison of comparisons reads back the same.
        BoundCompare c => $"({Write(c.Left)} {c.Operator} {Write(c.Right)})",
        BoundContains c => $"({Write(c.Left)} contains {Write(c.Right)})",
        BoundBetween b => $"({Write(b.Value)} {(b.Negated ? "not " : "")}between {Write(b.Low)} and {Write(b.High)})",
        BoundIn i => $"({Write(i.Value)} {(i.Negated ? "not " : "")}in ({string.Join(", ", i.Items.Select(Write))}))",
        BoundIsNull n => $"({Write(n.Value)} is {(n.Negated ? "not " : "")}null)",
        BoundCase c => $"case {string.Join(" ", c.Branches.Select(b => $"when {Write(b.When)} then {Write(b.Then)}"))}{(c.Else is null ? "" : " else " + Write(c.Else))} end",
        BoundScalarCall s => $"{s.Function}({string.Join(", ", s.Arguments.Select(Write))})",
        BoundBehaviour b => Behaviour(b),
        _ => "?",
    };

    private static string Behaviour(BoundBehaviour b)
    {
        var parts = new List<string> { "'" + (b.Event ?? b.Fact) + "'" };
        if (b.Column is not null)
            parts.Add(b.Column);
        if (b.Within is { } window)
            parts.Add("within: " + window);
        if (b.Where is not null)
            parts.Add("where: " + Write(b.Where));
        return $"{b.Function}({string.Join(", ", parts)})";
    }

}
