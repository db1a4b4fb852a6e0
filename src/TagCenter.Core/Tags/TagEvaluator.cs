using System.Globalization;
using TagCenter.Core.Expressions.Binding;

namespace TagCenter.Core.Tags;

/// <summary>
/// Computes tags for one person in memory: the real-time path, and the explanation of a value. It follows the
/// SQL the compiler emits to the letter (three-valued logic, windows, casts, value sets), and a
/// property-based test holds the two to the same results.
/// </summary>
public sealed partial class TagEvaluator
{
    private readonly PersonData _person;
    private readonly DateTime _asOf;
    private readonly Dictionary<string, object?> _values;
    private readonly IReadOnlyDictionary<string, BoundNode> _trees;
    private IReadOnlyDictionary<string, object?>? _row;

    // Real time evaluates every person an event touches, so the walk allocates as little as it can: truth values are
    // these two boxes (not a new one per comparison), and lists and closures are not made per node.
    private static readonly object True = true;
    private static readonly object False = false;

    private TagEvaluator(TagCompilation compilation, PersonData person, DateTime asOf)
    {
        _person = person;
        _asOf = asOf;
        _trees = compilation.Bound;
        _values = new Dictionary<string, object?>(compilation.Tags.Count, StringComparer.Ordinal);
    }

    private static object Box(bool value) => value ? True : False;

    /// <summary>
    /// Every tag of a successful compilation for this person, by code, walking the bound trees the compiler
    /// wrote the SQL from.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> Evaluate(TagCompilation compilation, PersonData person, DateTime asOf)
    {
        if (!compilation.Success)
            throw new InvalidOperationException("the compilation has diagnostics; only a successful one can be evaluated");
        var evaluator = new TagEvaluator(compilation, person, asOf);
        var values = new Dictionary<string, object?>(compilation.Tags.Count, StringComparer.Ordinal);
        foreach (var tag in compilation.Tags)
            values[tag.Code] = evaluator.Tag(tag);
        return values;
    }

    private object? Tag(TagDefinition tag)
    {
        if (_values.TryGetValue(tag.Name, out var known))
            return known;
        // A model tag has no rule: its value is the model's, passed in the person's stored tags (or fields) under its code.
        var value = _trees.TryGetValue(tag.Name, out var root) ? Cast(Eval(root), tag.Type) : Cast(_person.Tags is { } stored ? stored.GetValueOrDefault(tag.Code) : _person.Fields.GetValueOrDefault(tag.Code), tag.Type);
        if (tag.Kind == TagKind.Enum && tag.Values.Count > 0 && value is not null && !tag.Values.Contains(Text(value)))
            value = null;
        _values[tag.Name] = value;
        return value;
    }

    /// <summary>
    /// One bound predicate or value of a compiled rule for this person (segment explain, bitmap plan scans): null
    /// is SQL's unknown.
    /// </summary>
    public static object? Evaluate(TagCompilation compilation, BoundNode node, PersonData person, DateTime asOf)
    {
        if (!compilation.Success)
            throw new InvalidOperationException("the compilation has diagnostics; only a successful one can be evaluated");
        return new TagEvaluator(compilation, person, asOf).Eval(node);
    }

    private object? Eval(BoundNode node) => node switch
    {
        BoundLiteral l => l.Value,
        BoundTag t => Tag(t.Tag),
        BoundPersonField f => Field(f.Field),
        BoundFactColumn c => _row!.GetValueOrDefault(c.Column),
        BoundNot u => Eval(u.Operand) is bool b ? Box(!b) : null,
        BoundNegate u => Eval(u.Operand) is { } v ? -Number(v) : null,
        BoundLogical { IsAnd: true } b => And(Eval(b.Left), Eval(b.Right)),
        BoundLogical b => Or(Eval(b.Left), Eval(b.Right)),
        BoundArithmetic b => Arithmetic(b.Operator, Eval(b.Left), Eval(b.Right)),
        BoundContains b => Contains(Eval(b.Left), Eval(b.Right)),
        BoundCompare b => Compare(b.Operator, Eval(b.Left), Eval(b.Right)),
        BoundBetween b => Not(And(Compare(">=", Eval(b.Value), Eval(b.Low)), Compare("<=", Eval(b.Value), Eval(b.High))), b.Negated),
        BoundIn i => Not(In(Eval(i.Value), i.Items), i.Negated),
        BoundIsNull n => Box((Eval(n.Value) is null) != n.Negated),
        BoundCase c => Case(c),
        BoundScalarCall c => Call(c),
        BoundBehaviour b => Behaviour(b),
        _ => throw new InvalidOperationException("unsupported expression"),
    };

    private object? Field(string name)
    {
        if (name == ModelSchema.Age)
            return _person.Fields.GetValueOrDefault("birthday") is DateTime birthday
                ? (decimal)Math.Floor((_asOf.Date - birthday.Date).TotalDays / 365.25)
                : null;
        return _person.Fields.GetValueOrDefault(name);
    }

    private object? Case(BoundCase c)
    {
        for (var i = 0; i < c.Branches.Count; i++)   // indexed: foreach over an interface boxes its enumerator
            if (Eval(c.Branches[i].When) is true)
                return Eval(c.Branches[i].Then);
        return c.Else is null ? null : Eval(c.Else);
    }

    private static object? Not(object? value, bool negate) => negate && value is bool b ? Box(!b) : value;

    private static object? And(object? a, object? b) => a is false || b is false ? False : a is true && b is true ? True : null;

    private static object? Or(object? a, object? b) => a is true || b is true ? True : a is false && b is false ? False : null;

    private static object? Arithmetic(string op, object? a, object? b)
    {
        if (a is null || b is null)
            return null;
        decimal x = Number(a), y = Number(b);
        return op switch
        {
            "+" => x + y,
            "-" => x - y,
            "*" => x * y,
            _ => y == 0 ? null : (decimal)((double)x / (double)y),
        };
    }

    private static object? Contains(object? a, object? b) => a is null || b is null ? null : a switch
    {
        IEnumerable<string> list when a is not string => list.Contains((string)b),
        _ => ((string)a).Contains((string)b, StringComparison.Ordinal),
    };

    private static object? Compare(string op, object? a, object? b)
    {
        if (a is null || b is null)
            return null;
        var order = Order(a, b);
        return Box(op switch
        {
            "=" => order == 0,
            "!=" => order != 0,
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            _ => order >= 0,
        });
    }

    /// <summary>SQL's IN: true on a match, else unknown when an item is null, else false (every item is evaluated, as the list was).</summary>
    private object? In(object? value, IReadOnlyList<BoundNode> items)
    {
        var (match, anyNull) = (false, false);
        for (var i = 0; i < items.Count; i++)
        {
            var item = Eval(items[i]);
            if (item is null)
                anyNull = true;
            else if (value is not null && !match && Order(value, item) == 0)
                match = true;
        }
        if (value is null)
            return null;
        return match ? True : anyNull ? null : False;
    }

    internal static int Order(object a, object b) => (a, b) switch
    {
        (string x, string y) => string.CompareOrdinal(x, y),
        (DateTime x, DateTime y) => x.CompareTo(y),
        (DateTime x, string y) => x.CompareTo(DateTime.Parse(y, CultureInfo.InvariantCulture)),
        (string x, DateTime y) => DateTime.Parse(x, CultureInfo.InvariantCulture).CompareTo(y),
        (bool x, bool y) => x.CompareTo(y),
        _ => Number(a).CompareTo(Number(b)),
    };

    internal static decimal Number(object value) => value switch
    {
        bool b => b ? 1 : 0,
        double d => (decimal)d,
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    private static string Text(object value) => value switch
    {
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    /// <summary>TRY_CAST to the declared type, as the SQL does.</summary>
    private static object? Cast(object? value, TagValueType type) => value switch
    {
        null => null,
        _ => type switch
        {
            TagValueType.Bool => value is bool b ? Box(b) : null,
            TagValueType.Int => value is bool or string or DateTime ? null : (object)Math.Round(Number(value), 0, MidpointRounding.ToEven),
            TagValueType.Decimal => value is bool or string or DateTime ? null : Math.Round(Number(value), 2, MidpointRounding.AwayFromZero),
            TagValueType.String => Text(value),
            TagValueType.Date => value is DateTime d ? d.Date : null,
            TagValueType.Timestamp => value as DateTime?,
            _ => value,
        },
    };
}
