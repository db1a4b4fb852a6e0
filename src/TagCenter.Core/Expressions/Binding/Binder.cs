using TagCenter.Core.Diagnostics;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;

namespace TagCenter.Core.Expressions.Binding;

/// <summary>
/// Turns a parse tree into the bound tree: names resolved (inside a behaviour function's <c>where:</c> a fact
/// column first, then a tag; elsewhere a tag, then a person field), types checked, windows read, enum values checked
/// against their set. Collects the tags the rule reads, the data it reads and every problem with its span.
/// </summary>
public sealed partial class Binder
{
    private readonly ModelSchema _schema;
    private readonly IReadOnlyDictionary<string, TagDefinition> _tags;
    private readonly IReadOnlySet<string> _goldenFields;
    private readonly List<ExpressionDiagnostic> _diagnostics = [];
    private readonly List<string> _dependencies = [];
    private readonly HashSet<string> _reads = [];
    private string? _fact;

    private Binder(ModelSchema schema, IReadOnlyDictionary<string, TagDefinition> tags)
    {
        _schema = schema;
        _tags = tags;
        _goldenFields = schema.PersonFields.Keys.ToHashSet();
    }

    /// <summary>Binds a parsed rule against the model and the tags (by name).</summary>
    public static BoundRule Bind(ExpressionNode root, ModelSchema schema, IReadOnlyDictionary<string, TagDefinition> tags)
    {
        var binder = new Binder(schema, tags);
        var bound = binder.Visit(root);
        return new BoundRule(bound, binder._dependencies, binder._reads.Order(StringComparer.Ordinal).ToList(), binder._diagnostics);
    }

    /// <summary>Parses and binds rule text; parse errors come back as the diagnostics.</summary>
    public static BoundRule Bind(string rule, ModelSchema schema, IReadOnlyDictionary<string, TagDefinition> tags)
    {
        var parsed = Parser.Parse(rule);
        return parsed.Success
            ? Bind(parsed.Root!, schema, tags)
            : new BoundRule(new BoundError(new TextSpan(0, rule.Length)), [], [], parsed.Diagnostics);
    }

    private BoundError Error(TextSpan span, string message)
    {
        _diagnostics.Add(new ExpressionDiagnostic(span, message));
        return new BoundError(span);
    }

    private static string Hint(string input, IEnumerable<string> candidates) =>
        Suggest.Closest(input, candidates) is { } best ? Texts.T("expr.bind.didyoumean", best) : "";

    /// <summary>The largest decimal a rule may hold: DECIMAL(18,4), the type numbers are computed in.</summary>
    private const decimal DecimalLimit = 99_999_999_999_999.9999m;

    /// <summary>A whole number that fits a BIGINT is an int; else a decimal within DECIMAL(18,4); anything bigger is an error here rather than an engine failure later.</summary>
    private BoundNode Number(LiteralNode l)
    {
        var value = (decimal)l.Value!;
        if (value % 1 == 0 && value >= long.MinValue && value <= long.MaxValue)
            return new BoundLiteral(value, TagValueType.Int, l.Span);
        if (Math.Abs(value) <= DecimalLimit)
            return new BoundLiteral(value, TagValueType.Decimal, l.Span);
        return Error(l.Span, Texts.T("expr.bind.numberrange", value));
    }

    private BoundNode Visit(ExpressionNode node) => node switch
    {
        LiteralNode l => l.Kind switch
        {
            LiteralKind.Null => new BoundLiteral(null, TagValueType.Null, l.Span),
            LiteralKind.Bool => new BoundLiteral(l.Value, TagValueType.Bool, l.Span),
            LiteralKind.Number => Number(l),
            LiteralKind.String => new BoundLiteral(l.Value, TagValueType.String, l.Span),
            _ => Error(l.Span, Texts.T("expr.bind.windowplace", l.Value)),
        },
        NameNode n => Name(n),
        UnaryNode { Operator: "not" } u => new BoundNot(Expect(u.Operand, TagValueType.Bool, "'not'"), u.Span),
        UnaryNode u => Negate(u),
        BinaryNode { Operator: "and" or "or" } b => new BoundLogical(b.Operator == "and",
            Expect(b.Left, TagValueType.Bool, $"'{b.Operator}'"), Expect(b.Right, TagValueType.Bool, $"'{b.Operator}'"), b.Span),
        BinaryNode { Operator: "+" or "-" or "*" or "/" } b => Arithmetic(b),
        BinaryNode { Operator: "contains" } b => Contains(b),
        BinaryNode b => Compare(b),
        BetweenNode b => Between(b),
        InNode i => In(i),
        IsNullNode n => new BoundIsNull(Visit(n.Value), n.Negated, n.Span),
        CaseNode c => Case(c),
        CallNode c => Call(c),
        _ => Error(node.Span, Texts.T("expr.bind.unsupported")),
    };

    private BoundNode Name(NameNode n)
    {
        if (_fact is not null && _schema.Facts[_fact].TryGetValue(n.Name, out var columnType))
        {
            _reads.Add($"fact_{_fact}.{n.Name}");
            return new BoundFactColumn(_fact, n.Name, columnType, n.Span);
        }
        if (_tags.TryGetValue(n.Name, out var tag))
        {
            if (!_dependencies.Contains(tag.Name))
                _dependencies.Add(tag.Name);
            return new BoundTag(tag, n.Span);
        }
        if (_fact is null && _schema.PersonFields.TryGetValue(n.Name, out var fieldType))
        {
            _reads.Add($"dim_person.{(n.Name == ModelSchema.Age ? "birthday" : n.Name)}");
            return new BoundPersonField(n.Name, fieldType, n.Span);
        }
        var candidates = _tags.Keys.Concat(_fact is null ? _schema.PersonFields.Keys : _schema.Facts[_fact].Keys).ToList();
        var where = _fact is null ? Texts.T("expr.bind.where.person") : Texts.T("expr.bind.where.fact", _fact);
        // Not a close typo of a known name: most likely a golden-record field nobody has declared yet.
        var hint = Hint(n.Name, candidates);
        if (hint.Length == 0 && _fact is null && !_goldenFields.Contains(n.Name))
            hint = Texts.T("expr.bind.declaregolden", n.Name);
        return Error(n.Span, Texts.T("expr.bind.unknown", n.Name, where, hint));
    }

    private BoundNode Expect(ExpressionNode node, TagValueType type, string what)
    {
        var bound = Visit(node);
        if (bound.Type != type && bound.Type is not TagValueType.Null and not TagValueType.Unknown)
            Error(node.Span, Texts.T("expr.bind.needs", what, Describe(type), Describe(bound.Type)));
        return bound;
    }

    private (BoundNode, TagValueType) Number(ExpressionNode node, string what)
    {
        var bound = Visit(node);
        if (!bound.Type.IsNumber())
            Error(node.Span, Texts.T("expr.bind.needsnumber", what, Describe(bound.Type)));
        return (bound, bound.Type == TagValueType.Int ? TagValueType.Int : TagValueType.Decimal);
    }

    /// <summary>A minus before a number is part of the number: -1.25 is one literal, for every back end.</summary>
    private BoundNode Negate(UnaryNode u)
    {
        var (operand, type) = Number(u.Operand, "'-'");
        return operand is BoundLiteral { Value: decimal d }
            ? new BoundLiteral(-d, operand.Type, u.Span)
            : new BoundNegate(operand, type, u.Span);
    }

    private BoundNode Arithmetic(BinaryNode b)
    {
        var (l, lt) = Number(b.Left, $"'{b.Operator}'");
        var (r, rt) = Number(b.Right, $"'{b.Operator}'");
        var type = b.Operator == "/" || lt == TagValueType.Decimal || rt == TagValueType.Decimal ? TagValueType.Decimal : TagValueType.Int;
        return new BoundArithmetic(b.Operator, l, r, type, b.Span);
    }

    private BoundNode Compare(BinaryNode b)
    {
        var l = Visit(b.Left);
        var r = Visit(b.Right);
        if (!TagValueTypes.Comparable(l.Type, r.Type))
            return Error(b.Span, Texts.T("expr.bind.compare", Describe(l.Type), Describe(r.Type), b.Operator));
        (l, r) = (Time(l, r), Time(r, l));
        CheckEnumValue(l, r);
        CheckEnumValue(r, l);
        return new BoundCompare(b.Operator, l, r, b.Span);
    }

    private BoundNode Contains(BinaryNode b)
    {
        var l = Visit(b.Left);
        var r = Visit(b.Right);
        if (r.Type is not (TagValueType.String or TagValueType.Null or TagValueType.Unknown))
            Error(b.Right.Span, Texts.T("expr.bind.containsright", Describe(r.Type)));
        return l.Type switch
        {
            TagValueType.List => new BoundContains(l, r, true, b.Span),
            TagValueType.String or TagValueType.Unknown or TagValueType.Null => new BoundContains(l, r, false, b.Span),
            _ => Error(b.Left.Span, Texts.T("expr.bind.containsleft", Describe(l.Type))),
        };
    }

    private BoundNode Between(BetweenNode b)
    {
        var v = Visit(b.Value);
        var lo = Visit(b.Low);
        var hi = Visit(b.High);
        if (!TagValueTypes.Comparable(v.Type, lo.Type) || !TagValueTypes.Comparable(v.Type, hi.Type))
            return Error(b.Span, Texts.T("expr.bind.between", Describe(v.Type), Describe(lo.Type), Describe(hi.Type)));
        return new BoundBetween(v, Time(lo, v), Time(hi, v), b.Negated, b.Span);
    }

    private BoundNode In(InNode i)
    {
        var v = Visit(i.Value);
        var items = new List<BoundNode>();
        foreach (var item in i.Items)
        {
            var bound = Visit(item);
            if (!TagValueTypes.Comparable(v.Type, bound.Type))
                Error(item.Span, Texts.T("expr.bind.in", Describe(v.Type), Describe(bound.Type)));
            else
                CheckEnumValue(v, bound);
            items.Add(Time(bound, v));
        }
        return new BoundIn(v, items, i.Negated, i.Span);
    }

    private BoundNode Case(CaseNode c)
    {
        var type = TagValueType.Null;
        var branches = new List<(BoundNode, BoundNode)>();
        foreach (var (when, then) in c.Branches)
        {
            var w = Expect(when, TagValueType.Bool, "'when'");
            var t = Visit(then);
            type = Unify(type, t.Type, then.Span);
            branches.Add((w, t));
        }
        BoundNode? otherwise = null;
        if (c.Else is not null)
        {
            otherwise = Visit(c.Else);
            type = Unify(type, otherwise.Type, c.Else.Span);
        }
        return new BoundCase(branches, otherwise, type, c.Span);
    }
}
