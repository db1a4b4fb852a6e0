using TagCenter.Core.Diagnostics;
using TagCenter.Core.Expressions;
using TagCenter.Core.Sql;

namespace TagCenter.Core.Tags;

/// <summary>
/// Binds one parsed rule (names, types) and writes it as DuckDB SQL over the tag layers: tags and person
/// fields are columns, behaviour functions become shared aggregate columns, literals become parameters.
/// </summary>
internal sealed partial class ExpressionSqlWriter
{
    private readonly ModelSchema _schema;
    private readonly IReadOnlyDictionary<string, TagDefinition> _tags;
    private readonly List<object?> _parameters;
    private readonly Dictionary<AggregateCall, AggregateCall> _aggregates;
    private readonly SqlDialect _dialect;
    private readonly List<ExpressionDiagnostic> _diagnostics = [];
    private string? _fact;

    public ExpressionSqlWriter(ModelSchema schema, IReadOnlyDictionary<string, TagDefinition> tags, List<object?> parameters,
        Dictionary<AggregateCall, AggregateCall> aggregates, SqlDialect dialect)
    {
        _dialect = dialect;
        _schema = schema;
        _tags = tags;
        _parameters = parameters;
        _aggregates = aggregates;
    }

    public HashSet<string> Dependencies { get; } = [];

    /// <summary>Fact columns read (fact.column) and person fields read: the tag's upstream data.</summary>
    public HashSet<string> Reads { get; } = [];

    public IReadOnlyList<ExpressionDiagnostic> Diagnostics => _diagnostics;

    public (string Sql, TagValueType Type) Write(ExpressionNode node) => Visit(node);

    private (string Sql, TagValueType Type) Error(TextSpan span, string message)
    {
        _diagnostics.Add(new ExpressionDiagnostic(span, message));
        return ("NULL", TagValueType.Unknown);
    }

    private string Parameter(object? value)
    {
        _parameters.Add(value);
        return "$" + _parameters.Count;
    }

    private (string, TagValueType) Visit(ExpressionNode node) => node switch
    {
        LiteralNode l => l.Kind switch
        {
            LiteralKind.Null => ("NULL", TagValueType.Null),
            LiteralKind.Bool => ((bool)l.Value! ? "TRUE" : "FALSE", TagValueType.Bool),
            LiteralKind.Number => ((decimal)l.Value! % 1 == 0 && Math.Abs((decimal)l.Value!) < long.MaxValue
                ? ($"CAST({Parameter((long)(decimal)l.Value!)} AS BIGINT)", TagValueType.Int)
                : ($"CAST({Parameter((decimal)l.Value!)} AS DECIMAL(18,4))", TagValueType.Decimal)),
            LiteralKind.String => ($"CAST({Parameter((string)l.Value!)} AS VARCHAR)", TagValueType.String),
            _ => Error(l.Span, $"a window like {l.Value} only goes in 'within:' of a behaviour function"),
        },
        NameNode n => Name(n),
        UnaryNode { Operator: "not" } u => Expect(u.Operand, TagValueType.Bool, "'not'") is var (s, _) ? ($"(NOT {s})", TagValueType.Bool) : default,
        UnaryNode u => Number(u.Operand, "'-'") is var (s2, t2) ? ($"(- {s2})", t2) : default,
        BinaryNode { Operator: "and" or "or" } b => Logical(b),
        BinaryNode { Operator: "+" or "-" or "*" or "/" } b => Arithmetic(b),
        BinaryNode { Operator: "contains" } b => Contains(b),
        BinaryNode b => Compare(b),
        BetweenNode b => Between(b),
        InNode i => In(i),
        IsNullNode n => ($"({Visit(n.Value).Item1} IS {(n.Negated ? "NOT " : "")}NULL)", TagValueType.Bool),
        CaseNode c => Case(c),
        CallNode c => Call(c),
        _ => Error(node.Span, "unsupported expression"),
    };

    private (string, TagValueType) Name(NameNode n)
    {
        if (_fact is not null && _schema.Facts[_fact].TryGetValue(n.Name, out var columnType))
        {
            Reads.Add($"fact_{_fact}.{n.Name}");
            return (SqlText.Ident(n.Name), columnType);
        }
        if (_tags.TryGetValue(n.Name, out var tag))
        {
            Dependencies.Add(tag.Name);
            return ($"t.{SqlText.Ident(tag.Code)}", tag.Type);
        }
        if (_fact is null && _schema.PersonFields.TryGetValue(n.Name, out var fieldType))
        {
            Reads.Add($"dim_person.{(n.Name == ModelSchema.Age ? "birthday" : n.Name)}");
            return ($"t.{SqlText.Ident("f_" + n.Name)}", fieldType);
        }
        var candidates = _tags.Keys.Concat(_fact is null ? _schema.PersonFields.Keys : _schema.Facts[_fact].Keys);
        var where = _fact is null ? "a tag or a person field" : $"a column of fact_{_fact}";
        return Error(n.Span, $"unknown name '{n.Name}': not {where}{Suggest.Hint(n.Name, candidates)}");
    }

    private (string, TagValueType) Expect(ExpressionNode node, TagValueType type, string what)
    {
        var (sql, actual) = Visit(node);
        if (actual != type && actual is not TagValueType.Null and not TagValueType.Unknown)
            Error(node.Span, $"{what} needs {Describe(type)} here, but this is {Describe(actual)}");
        return (sql, type);
    }

    private (string, TagValueType) Number(ExpressionNode node, string what)
    {
        var (sql, type) = Visit(node);
        if (!type.IsNumber())
            Error(node.Span, $"{what} needs a number here, but this is {Describe(type)}");
        return (sql, type == TagValueType.Int ? TagValueType.Int : TagValueType.Decimal);
    }

    private (string, TagValueType) Logical(BinaryNode b)
    {
        var (l, _) = Expect(b.Left, TagValueType.Bool, $"'{b.Operator}'");
        var (r, _) = Expect(b.Right, TagValueType.Bool, $"'{b.Operator}'");
        return ($"({l} {b.Operator.ToUpperInvariant()} {r})", TagValueType.Bool);
    }

    private (string, TagValueType) Arithmetic(BinaryNode b)
    {
        var (l, lt) = Number(b.Left, $"'{b.Operator}'");
        var (r, rt) = Number(b.Right, $"'{b.Operator}'");
        var type = b.Operator == "/" || lt == TagValueType.Decimal || rt == TagValueType.Decimal ? TagValueType.Decimal : TagValueType.Int;
        var sql = b.Operator == "/" ? $"(CAST({l} AS {_dialect.Double}) / nullif({r}, 0))" : $"({l} {b.Operator} {r})";
        return (sql, type);
    }

    private (string, TagValueType) Compare(BinaryNode b)
    {
        var (l, lt) = Visit(b.Left);
        var (r, rt) = Visit(b.Right);
        if (!TagValueTypes.Comparable(lt, rt))
            return Error(b.Span, $"cannot compare {Describe(lt)} with {Describe(rt)} using '{b.Operator}'");
        return ($"({l} {(b.Operator == "!=" ? "<>" : b.Operator)} {r})", TagValueType.Bool);
    }

    private (string, TagValueType) Contains(BinaryNode b)
    {
        var (l, lt) = Visit(b.Left);
        var (r, rt) = Visit(b.Right);
        if (rt is not (TagValueType.String or TagValueType.Null or TagValueType.Unknown))
            Error(b.Right.Span, $"'contains' looks for text, but this is {Describe(rt)}");
        return lt switch
        {
            TagValueType.List => (_dialect.ListContains(l, r), TagValueType.Bool),
            TagValueType.String or TagValueType.Unknown or TagValueType.Null => (_dialect.TextContains(l, r), TagValueType.Bool),
            _ => Error(b.Left.Span, $"'contains' needs a list or text on the left, but this is {Describe(lt)}"),
        };
    }

    private (string, TagValueType) Between(BetweenNode b)
    {
        var (v, vt) = Visit(b.Value);
        var (lo, lot) = Visit(b.Low);
        var (hi, hit) = Visit(b.High);
        if (!TagValueTypes.Comparable(vt, lot) || !TagValueTypes.Comparable(vt, hit))
            return Error(b.Span, $"'between' compares {Describe(vt)} with {Describe(lot)} and {Describe(hit)}");
        return ($"({v} {(b.Negated ? "NOT " : "")}BETWEEN {lo} AND {hi})", TagValueType.Bool);
    }

    private (string, TagValueType) In(InNode i)
    {
        var (v, vt) = Visit(i.Value);
        var items = new List<string>();
        foreach (var item in i.Items)
        {
            var (s, t) = Visit(item);
            if (!TagValueTypes.Comparable(vt, t))
                Error(item.Span, $"'in' compares {Describe(vt)} with {Describe(t)}");
            items.Add(s);
        }
        return ($"({v} {(i.Negated ? "NOT " : "")}IN ({string.Join(", ", items)}))", TagValueType.Bool);
    }

    private (string, TagValueType) Case(CaseNode c)
    {
        var type = TagValueType.Null;
        var parts = new List<string>();
        foreach (var (when, then) in c.Branches)
        {
            var (w, _) = Expect(when, TagValueType.Bool, "'when'");
            var (t, tt) = Visit(then);
            type = Unify(type, tt, then.Span);
            parts.Add($"WHEN {w} THEN {t}");
        }
        var otherwise = "";
        if (c.Else is not null)
        {
            var (e, et) = Visit(c.Else);
            type = Unify(type, et, c.Else.Span);
            otherwise = $" ELSE {e}";
        }
        return ($"(CASE {string.Join(" ", parts)}{otherwise} END)", type);
    }

    private TagValueType Unify(TagValueType a, TagValueType b, TextSpan span)
    {
        if (a is TagValueType.Null or TagValueType.Unknown)
            return b;
        if (b is TagValueType.Null or TagValueType.Unknown || a == b)
            return a;
        if (a.IsNumber() && b.IsNumber())
            return TagValueType.Decimal;
        _diagnostics.Add(new ExpressionDiagnostic(span, $"every branch must give the same type: this is {Describe(b)}, an earlier one is {Describe(a)}"));
        return a;
    }

    private (string, TagValueType) Call(CallNode c) => c.Function switch
    {
        "count" or "did" or "sum" or "avg" or "min" or "max" or "first" or "last" or "days_since" or "most" => Behaviour(c),
        "coalesce" or "greatest" or "least" => Variadic(c),
        "round" => Round(c),
        _ => Error(c.NameSpan, $"unknown function '{c.Function}'{Suggest.Hint(c.Function, Functions)} (functions: {string.Join(", ", Functions)})"),
    };

    private static readonly string[] Functions =
        ["count", "did", "sum", "avg", "min", "max", "first", "last", "most", "days_since", "coalesce", "greatest", "least", "round"];

    private (string, TagValueType) Variadic(CallNode c)
    {
        if (c.Arguments.Count == 0 || c.Named.Count > 0)
            return Error(c.Span, $"{c.Function}(a, b, ...) takes one or more values");
        var type = TagValueType.Null;
        var parts = new List<string>();
        foreach (var argument in c.Arguments)
        {
            var (s, t) = Visit(argument);
            type = Unify(type, t, argument.Span);
            parts.Add(s);
        }
        return ($"{c.Function}({string.Join(", ", parts)})", type);
    }

    private (string, TagValueType) Round(CallNode c)
    {
        if (c.Arguments.Count is < 1 or > 2 || c.Named.Count > 0)
            return Error(c.Span, "round(x) or round(x, digits)");
        var (x, _) = Number(c.Arguments[0], "round");
        var digits = c.Arguments.Count == 2 ? Number(c.Arguments[1], "round").Item1 : "0";
        return (_dialect.Round(x, digits), TagValueType.Decimal);
    }
}
