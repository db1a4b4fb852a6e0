using TagCenter.Core.Diagnostics;
using TagCenter.Core.Expressions;
using TagCenter.Core.Sql;
using TagCenter.Core.Text;
using static TagCenter.Core.Sql.SqlFragment;

namespace TagCenter.Core.Tags;

/// <summary>
/// Binds one parsed rule (names, types, windows) and writes it as SQL fragments over the tag layers: tags and
/// person fields are columns, behaviour functions become shared aggregate columns, every value is a bound
/// parameter (numbered later, once, by <see cref="SqlCommandBuilder"/>).
/// </summary>
internal sealed partial class ExpressionSqlWriter
{
    private readonly ModelSchema _schema;
    private readonly IReadOnlyDictionary<string, TagDefinition> _tags;
    private readonly Dictionary<AggregateCall, AggregateCall> _aggregates;
    private readonly SqlDialect _dialect;
    private readonly SqlFragment _asOf;
    private readonly IReadOnlySet<string> _goldenFields;
    private readonly List<ExpressionDiagnostic> _diagnostics = [];
    private string? _fact;

    public ExpressionSqlWriter(ModelSchema schema, IReadOnlyDictionary<string, TagDefinition> tags, SqlFragment asOf,
        Dictionary<AggregateCall, AggregateCall> aggregates, SqlDialect dialect)
    {
        _dialect = dialect;
        _schema = schema;
        _tags = tags;
        _asOf = asOf;
        _aggregates = aggregates;
        _goldenFields = schema.PersonFields.Keys.ToHashSet();
    }

    public HashSet<string> Dependencies { get; } = [];

    /// <summary>Fact columns read (fact.column) and person fields read: the tag's upstream data.</summary>
    public HashSet<string> Reads { get; } = [];

    /// <summary>The shared aggregates this rule reads.</summary>
    public HashSet<AggregateCall> Aggregates { get; } = [];

    public IReadOnlyList<ExpressionDiagnostic> Diagnostics => _diagnostics;

    public (SqlFragment Sql, TagValueType Type) Write(ExpressionNode node) => Visit(node);

    private (SqlFragment Sql, TagValueType Type) Error(TextSpan span, string message)
    {
        _diagnostics.Add(new ExpressionDiagnostic(span, message));
        return (Raw("NULL"), TagValueType.Unknown);
    }

    private static string Hint(string input, IEnumerable<string> candidates) =>
        Suggest.Closest(input, candidates) is { } best ? Texts.T("expr.bind.didyoumean", best) : "";

    private (SqlFragment, TagValueType) Visit(ExpressionNode node) => node switch
    {
        LiteralNode l => l.Kind switch
        {
            LiteralKind.Null => (Raw("NULL"), TagValueType.Null),
            LiteralKind.Bool => (Raw((bool)l.Value! ? "TRUE" : "FALSE"), TagValueType.Bool),
            LiteralKind.Number => (decimal)l.Value! % 1 == 0 && Math.Abs((decimal)l.Value!) < long.MaxValue
                ? (Of($"CAST({Value((long)(decimal)l.Value!)} AS BIGINT)"), TagValueType.Int)
                : (Of($"CAST({Value((decimal)l.Value!)} AS DECIMAL(18,4))"), TagValueType.Decimal),
            LiteralKind.String => (Of($"CAST({Value((string)l.Value!)} AS VARCHAR)"), TagValueType.String),
            _ => Error(l.Span, Texts.T("expr.bind.windowplace", l.Value)),
        },
        NameNode n => Name(n),
        UnaryNode { Operator: "not" } u => (Of($"(NOT {Expect(u.Operand, TagValueType.Bool, "'not'").Item1})"), TagValueType.Bool),
        UnaryNode u => Number(u.Operand, "'-'") is var (s, t) ? (Of($"(- {s})"), t) : default,
        BinaryNode { Operator: "and" or "or" } b => Logical(b),
        BinaryNode { Operator: "+" or "-" or "*" or "/" } b => Arithmetic(b),
        BinaryNode { Operator: "contains" } b => Contains(b),
        BinaryNode b => Compare(b),
        BetweenNode b => Between(b),
        InNode i => In(i),
        IsNullNode n => (Of($"({Visit(n.Value).Item1} IS {Raw(n.Negated ? "NOT " : "")}NULL)"), TagValueType.Bool),
        CaseNode c => Case(c),
        CallNode c => Call(c),
        _ => Error(node.Span, Texts.T("expr.bind.unsupported")),
    };

    private (SqlFragment, TagValueType) Name(NameNode n)
    {
        if (_fact is not null && _schema.Facts[_fact].TryGetValue(n.Name, out var columnType))
        {
            Reads.Add($"fact_{_fact}.{n.Name}");
            return (Ident(n.Name), columnType);
        }
        if (_tags.TryGetValue(n.Name, out var tag))
        {
            Dependencies.Add(tag.Name);
            return (Of($"t.{Ident(tag.Code)}"), tag.Type);
        }
        if (_fact is null && _schema.PersonFields.TryGetValue(n.Name, out var fieldType))
        {
            Reads.Add($"dim_person.{(n.Name == ModelSchema.Age ? "birthday" : n.Name)}");
            return (Of($"t.{Ident("f_" + n.Name)}"), fieldType);
        }
        var candidates = _tags.Keys.Concat(_fact is null ? _schema.PersonFields.Keys : _schema.Facts[_fact].Keys).ToList();
        var where = _fact is null ? Texts.T("expr.bind.where.person") : Texts.T("expr.bind.where.fact", _fact);
        // Not a close typo of a known name: most likely a golden-record field nobody has declared yet.
        var hint = Hint(n.Name, candidates);
        if (hint.Length == 0 && _fact is null && !_goldenFields.Contains(n.Name))
            hint = Texts.T("expr.bind.declaregolden", n.Name);
        return Error(n.Span, Texts.T("expr.bind.unknown", n.Name, where, hint));
    }

    private (SqlFragment, TagValueType) Expect(ExpressionNode node, TagValueType type, string what)
    {
        var (sql, actual) = Visit(node);
        if (actual != type && actual is not TagValueType.Null and not TagValueType.Unknown)
            Error(node.Span, Texts.T("expr.bind.needs", what, Describe(type), Describe(actual)));
        return (sql, type);
    }

    private (SqlFragment, TagValueType) Number(ExpressionNode node, string what)
    {
        var (sql, type) = Visit(node);
        if (!type.IsNumber())
            Error(node.Span, Texts.T("expr.bind.needsnumber", what, Describe(type)));
        return (sql, type == TagValueType.Int ? TagValueType.Int : TagValueType.Decimal);
    }

    private (SqlFragment, TagValueType) Logical(BinaryNode b)
    {
        var (l, _) = Expect(b.Left, TagValueType.Bool, $"'{b.Operator}'");
        var (r, _) = Expect(b.Right, TagValueType.Bool, $"'{b.Operator}'");
        return (Of($"({l} {Raw(b.Operator.ToUpperInvariant())} {r})"), TagValueType.Bool);
    }

    private (SqlFragment, TagValueType) Arithmetic(BinaryNode b)
    {
        var (l, lt) = Number(b.Left, $"'{b.Operator}'");
        var (r, rt) = Number(b.Right, $"'{b.Operator}'");
        var type = b.Operator == "/" || lt == TagValueType.Decimal || rt == TagValueType.Decimal ? TagValueType.Decimal : TagValueType.Int;
        var sql = b.Operator == "/" ? Of($"(CAST({l} AS {Raw(_dialect.Double)}) / nullif({r}, 0))") : Of($"({l} {Raw(b.Operator)} {r})");
        return (sql, type);
    }

    private (SqlFragment, TagValueType) Compare(BinaryNode b)
    {
        var (l, lt) = Visit(b.Left);
        var (r, rt) = Visit(b.Right);
        if (!TagValueTypes.Comparable(lt, rt))
            return Error(b.Span, Texts.T("expr.bind.compare", Describe(lt), Describe(rt), b.Operator));
        return (Of($"({l} {Raw(b.Operator == "!=" ? "<>" : b.Operator)} {r})"), TagValueType.Bool);
    }

    private (SqlFragment, TagValueType) Contains(BinaryNode b)
    {
        var (l, lt) = Visit(b.Left);
        var (r, rt) = Visit(b.Right);
        if (rt is not (TagValueType.String or TagValueType.Null or TagValueType.Unknown))
            Error(b.Right.Span, Texts.T("expr.bind.containsright", Describe(rt)));
        return lt switch
        {
            TagValueType.List => (_dialect.ListContains(l, r), TagValueType.Bool),
            TagValueType.String or TagValueType.Unknown or TagValueType.Null => (_dialect.TextContains(l, r), TagValueType.Bool),
            _ => Error(b.Left.Span, Texts.T("expr.bind.containsleft", Describe(lt))),
        };
    }

    private (SqlFragment, TagValueType) Between(BetweenNode b)
    {
        var (v, vt) = Visit(b.Value);
        var (lo, lot) = Visit(b.Low);
        var (hi, hit) = Visit(b.High);
        if (!TagValueTypes.Comparable(vt, lot) || !TagValueTypes.Comparable(vt, hit))
            return Error(b.Span, Texts.T("expr.bind.between", Describe(vt), Describe(lot), Describe(hit)));
        return (Of($"({v} {Raw(b.Negated ? "NOT " : "")}BETWEEN {lo} AND {hi})"), TagValueType.Bool);
    }

    private (SqlFragment, TagValueType) In(InNode i)
    {
        var (v, vt) = Visit(i.Value);
        var items = new List<SqlFragment>();
        foreach (var item in i.Items)
        {
            var (s, t) = Visit(item);
            if (!TagValueTypes.Comparable(vt, t))
                Error(item.Span, Texts.T("expr.bind.in", Describe(vt), Describe(t)));
            items.Add(s);
        }
        return (Of($"({v} {Raw(i.Negated ? "NOT " : "")}IN ({Join(", ", items)}))"), TagValueType.Bool);
    }

    private (SqlFragment, TagValueType) Case(CaseNode c)
    {
        var type = TagValueType.Null;
        var parts = new List<SqlFragment>();
        foreach (var (when, then) in c.Branches)
        {
            var (w, _) = Expect(when, TagValueType.Bool, "'when'");
            var (t, tt) = Visit(then);
            type = Unify(type, tt, then.Span);
            parts.Add(Of($"WHEN {w} THEN {t}"));
        }
        var otherwise = Empty;
        if (c.Else is not null)
        {
            var (e, et) = Visit(c.Else);
            type = Unify(type, et, c.Else.Span);
            otherwise = Of($" ELSE {e}");
        }
        return (Of($"(CASE {Join(" ", parts)}{otherwise} END)"), type);
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

    private (SqlFragment, TagValueType) Call(CallNode c) => c.Function switch
    {
        "count" or "did" or "sum" or "avg" or "min" or "max" or "first" or "last" or "days_since" or "most" => Behaviour(c),
        "coalesce" or "greatest" or "least" => Variadic(c),
        "round" => Round(c),
        _ => Error(c.NameSpan, Texts.T("expr.bind.function", c.Function, Hint(c.Function, Functions), string.Join(", ", Functions))),
    };

    private static readonly string[] Functions =
        ["count", "did", "sum", "avg", "min", "max", "first", "last", "most", "days_since", "coalesce", "greatest", "least", "round"];

    private (SqlFragment, TagValueType) Variadic(CallNode c)
    {
        if (c.Arguments.Count == 0 || c.Named.Count > 0)
            return Error(c.Span, Texts.T("expr.bind.variadic", c.Function));
        var type = TagValueType.Null;
        var parts = new List<SqlFragment>();
        foreach (var argument in c.Arguments)
        {
            var (s, t) = Visit(argument);
            type = Unify(type, t, argument.Span);
            parts.Add(s);
        }
        return (Of($"{Raw(c.Function)}({Join(", ", parts)})"), type);
    }

    private (SqlFragment, TagValueType) Round(CallNode c)
    {
        if (c.Arguments.Count is < 1 or > 2 || c.Named.Count > 0)
            return Error(c.Span, Texts.T("expr.bind.round"));
        var (x, _) = Number(c.Arguments[0], "round");
        var digits = c.Arguments.Count == 2 ? Number(c.Arguments[1], "round").Item1 : Raw("0");
        return (_dialect.Round(x, digits), TagValueType.Decimal);
    }
}
