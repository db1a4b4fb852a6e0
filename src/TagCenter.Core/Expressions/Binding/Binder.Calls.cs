using TagCenter.Core.Tags;
using TagCenter.Core.Text;

namespace TagCenter.Core.Expressions.Binding;

/// <summary>Function calls: behaviour functions over facts, and the scalar ones.</summary>
public sealed partial class Binder
{
    private static readonly string[] Functions =
        ["count", "did", "sum", "avg", "min", "max", "first", "last", "most", "days_since", "coalesce", "greatest", "least", "round"];

    private BoundNode Call(CallNode c) => c.Function switch
    {
        "count" or "did" or "sum" or "avg" or "min" or "max" or "first" or "last" or "days_since" or "most" => Behaviour(c),
        "coalesce" or "greatest" or "least" => Variadic(c),
        "round" => Round(c),
        _ => Error(c.NameSpan, Texts.T("expr.bind.function", c.Function, Hint(c.Function, Functions), string.Join(", ", Functions))),
    };

    private BoundNode Variadic(CallNode c)
    {
        if (c.Arguments.Count == 0 || c.Named.Count > 0)
            return Error(c.Span, Texts.T("expr.bind.variadic", c.Function));
        var type = TagValueType.Null;
        var arguments = new List<BoundNode>();
        foreach (var argument in c.Arguments)
        {
            var bound = Visit(argument);
            type = Unify(type, bound.Type, argument.Span);
            arguments.Add(bound);
        }
        return new BoundScalarCall(c.Function, arguments, type, c.Span);
    }

    private BoundNode Round(CallNode c)
    {
        if (c.Arguments.Count is < 1 or > 2 || c.Named.Count > 0)
            return Error(c.Span, Texts.T("expr.bind.round"));
        var arguments = new List<BoundNode> { Number(c.Arguments[0], "round").Item1 };
        if (c.Arguments.Count == 2)
            arguments.Add(Number(c.Arguments[1], "round").Item1);
        return new BoundScalarCall("round", arguments, TagValueType.Decimal, c.Span);
    }

    private BoundNode Behaviour(CallNode c)
    {
        var takesColumn = c.Function is "sum" or "avg" or "min" or "max" or "first" or "last" or "most";
        if (c.Arguments.Count != (takesColumn ? 2 : 1) || c.Arguments[0] is not LiteralNode { Kind: LiteralKind.String, Value: string source })
            return Error(c.Span, takesColumn ? Texts.T("expr.bind.usagecolumn", c.Function) : Texts.T("expr.bind.usage", c.Function));
        foreach (var key in c.Named.Keys.Where(k => k is not ("within" or "where")))
            return Error(c.Named[key].Span, Texts.T("expr.bind.option", key, c.Function));
        if (c.Function == "days_since" && c.Named.ContainsKey("within"))
            return Error(c.Named["within"].Span, Texts.T("expr.bind.dayssince"));

        // The first argument names a fact ('orders') or an event of fact_events ('page_view').
        string fact;
        string? eventName = null;
        if (_schema.Facts.ContainsKey(source))
            fact = source;
        else if (_schema.Facts.TryGetValue(ModelSchema.EventFact, out var events) && events.ContainsKey("event")
                 && (_schema.Events.Count == 0 || _schema.Events.Contains(source)))
        {
            fact = ModelSchema.EventFact;
            eventName = source;
        }
        else
        {
            var known = _schema.Facts.Keys.Concat(_schema.Events);
            return Error(c.Arguments[0].Span, Texts.T("expr.bind.fact", source, Hint(source, known), string.Join(", ", _schema.Facts.Keys)));
        }

        Window? window = null;
        if (c.Named.TryGetValue("within", out var within))
        {
            if (within is not LiteralNode { Kind: LiteralKind.Duration, Value: Window w })
                return Error(within.Span, Texts.T("expr.bind.within", Texts.T("expr.window.units")));
            window = w;
        }

        string? column = null;
        var columnType = TagValueType.Int;
        if (takesColumn)
        {
            if (c.Arguments[1] is not NameNode columnName || !_schema.Facts[fact].TryGetValue(columnName.Name, out columnType))
            {
                var given = c.Arguments[1] is NameNode n ? n.Name : "?";
                return Error(c.Arguments[1].Span, Texts.T("expr.bind.column", given, fact, Hint(given, _schema.Facts[fact].Keys)));
            }
            if (c.Function is "sum" or "avg" && !columnType.IsNumber())
                return Error(c.Arguments[1].Span, Texts.T("expr.bind.numbercolumn", c.Function, columnName.Name, Describe(columnType)));
            column = columnName.Name;
        }

        BoundNode? condition = null;
        if (c.Named.TryGetValue("where", out var where))
        {
            _fact = fact;
            condition = Visit(where);
            _fact = null;
            if (condition.Type is not (TagValueType.Bool or TagValueType.Unknown))
                Error(where.Span, Texts.T("expr.bind.where", Describe(condition.Type)));
        }
        _reads.Add(column is null ? $"fact_{fact}" : $"fact_{fact}.{column}");
        if (eventName is not null)
            _reads.Add($"fact_{fact}.event={source}");
        var type = c.Function switch
        {
            "count" or "days_since" => TagValueType.Int,
            "did" => TagValueType.Bool,
            "sum" or "avg" => TagValueType.Decimal,
            _ => columnType,
        };
        return new BoundBehaviour(c.Function, fact, eventName, column, window, condition, type, c.Span);
    }
}
