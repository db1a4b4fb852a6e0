using TagCenter.Core.Expressions;
using TagCenter.Core.Sql;
using TagCenter.Core.Text;
using static TagCenter.Core.Sql.SqlFragment;

namespace TagCenter.Core.Tags;

/// <summary>Behaviour functions over facts: count, did, sum, avg, min, max, first, last, most, days_since.</summary>
internal sealed partial class ExpressionSqlWriter
{
    private (SqlFragment, TagValueType) Behaviour(CallNode c)
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
        var filters = new List<SqlFragment>();
        var isEvent = false;
        if (_schema.Facts.ContainsKey(source))
            fact = source;
        else if (_schema.Facts.TryGetValue(ModelSchema.EventFact, out var events) && events.ContainsKey("event")
                 && (_schema.Events.Count == 0 || _schema.Events.Contains(source)))
        {
            fact = ModelSchema.EventFact;
            isEvent = true;
        }
        else
        {
            var known = _schema.Facts.Keys.Concat(_schema.Events);
            return Error(c.Arguments[0].Span, Texts.T("expr.bind.fact", source, Hint(source, known), string.Join(", ", _schema.Facts.Keys)));
        }

        if (c.Named.TryGetValue("within", out var within))
        {
            if (within is not LiteralNode { Kind: LiteralKind.Duration, Value: Window window })
                return Error(within.Span, Texts.T("expr.bind.within", Texts.T("expr.window.units")));
            filters.Add(Of($"event_time > {_dialect.Minus(Of($"CAST({_asOf} AS TIMESTAMP)"), window)}"));
        }
        if (isEvent)
            filters.Add(Of($"\"event\" = CAST({Value(source)} AS VARCHAR)"));

        SqlFragment? column = null;
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
            column = Ident(columnName.Name);
        }

        if (c.Named.TryGetValue("where", out var where))
        {
            _fact = fact;
            var (condition, type) = Visit(where);
            _fact = null;
            if (type is not (TagValueType.Bool or TagValueType.Unknown))
                Error(where.Span, Texts.T("expr.bind.where", Describe(type)));
            filters.Add(Of($"({condition})"));
        }
        var filter = filters.Count == 0 ? Empty : Of($" FILTER (WHERE {Join(" AND ", filters)})");
        var time = Raw("event_time");

        var aggregate = c.Function switch
        {
            "count" or "did" => Of($"count(*){filter}"),
            "days_since" => Of($"max(event_time){filter}"),
            "first" => _dialect.ArgMin(column!, time, filter),
            "last" => _dialect.ArgMax(column!, time, filter),
            "most" => _dialect.Mode(column!, filter),
            _ => Of($"{Raw(c.Function)}({column!}){filter}"),
        };
        Reads.Add(column is null ? $"fact_{fact}" : $"fact_{fact}.{((NameNode)c.Arguments[1]).Name}");
        if (isEvent)
            Reads.Add($"fact_{fact}.event={source}");
        var call = new AggregateCall(fact, aggregate);
        if (!_aggregates.TryGetValue(call, out var shared))
        {
            shared = call with { Alias = $"agg_{_aggregates.Count + 1}" };
            _aggregates[call] = shared;
        }
        Aggregates.Add(shared);
        var reference = Of($"t.{Ident(shared.Alias)}");
        return c.Function switch
        {
            "count" => (Of($"coalesce({reference}, 0)"), TagValueType.Int),
            "did" => (Of($"(coalesce({reference}, 0) > 0)"), TagValueType.Bool),
            "days_since" => (_dialect.DaysBetween(reference, Of($"CAST({_asOf} AS TIMESTAMP)")), TagValueType.Int),
            "sum" or "avg" => (reference, TagValueType.Decimal),
            _ => (reference, columnType),
        };
    }

    private static string Describe(TagValueType type) => Texts.T(type switch
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
