using System.Globalization;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;

namespace TagCenter.Core.Expressions.Binding;

/// <summary>Types: what a text literal means next to a date, enum value sets, the type of branches, type names in messages.</summary>
public sealed partial class Binder
{
    /// <summary>
    /// Text compared with a date or a time is read as one here, once ('2026-08-01', '2026-08-01 12:00:00'): engines
    /// do not compare DATE with VARCHAR, and a text that is no date is an error at its place, not at run time.
    /// </summary>
    private BoundNode Time(BoundNode side, BoundNode other)
    {
        if (side is not BoundLiteral { Value: string text } || other.Type is not (TagValueType.Date or TagValueType.Timestamp))
            return side;
        string[] formats = other.Type == TagValueType.Date ? ["yyyy-MM-dd"] : ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];
        return DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? new BoundLiteral(time, other.Type, side.Span)
            : Error(side.Span, Texts.T(other.Type == TagValueType.Date ? "expr.bind.date" : "expr.bind.timestamp", text));
    }

    /// <summary>An enum tag compared with a text outside its value set can never match: say so, listing the set.</summary>
    private void CheckEnumValue(BoundNode side, BoundNode other)
    {
        if (side is BoundTag { Tag: { Kind: TagKind.Enum, Values.Count: > 0 } tag } && other is BoundLiteral { Value: string value }
            && !tag.Values.Contains(value))
            Error(other.Span, Texts.T("expr.bind.enumvalue", value, tag.Name, Hint(value, tag.Values), string.Join(", ", tag.Values)));
    }

    private TagValueType Unify(TagValueType a, TagValueType b, TextSpan span)
    {
        if (a is TagValueType.Null or TagValueType.Unknown)
            return b;
        if (b is TagValueType.Null or TagValueType.Unknown || a == b)
            return a;
        if (a.IsNumber() && b.IsNumber())
            return TagValueType.Decimal;
        _diagnostics.Add(new ExpressionDiagnostic(span, Texts.T("expr.bind.branches", Describe(b), Describe(a))));
        return a;
    }

    internal static string Describe(TagValueType type) => Texts.T(type switch
    {
        TagValueType.Bool => "expr.type.bool",
        TagValueType.Int => "expr.type.int",
        TagValueType.Decimal => "expr.type.decimal",
        TagValueType.String => "expr.type.string",
        TagValueType.Date => "expr.type.date",
        TagValueType.Timestamp => "expr.type.timestamp",
        TagValueType.List => "expr.type.list",
        TagValueType.Duration => "expr.type.duration",
        TagValueType.Null => "expr.type.null",
        _ => "expr.type.unknown",
    });
}
