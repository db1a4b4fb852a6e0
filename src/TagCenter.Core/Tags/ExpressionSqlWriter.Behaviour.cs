using TagCenter.Core.Expressions;
using TagCenter.Core.Sql;

namespace TagCenter.Core.Tags;

/// <summary>Behaviour functions over facts: count, did, sum, avg, min, max, first, last, most, days_since.</summary>
internal sealed partial class ExpressionSqlWriter
{
    private (string, TagValueType) Behaviour(CallNode c)
    {
        var takesColumn = c.Function is "sum" or "avg" or "min" or "max" or "first" or "last" or "most";
        var usage = takesColumn
            ? $"{c.Function}('<fact or event>', <column>, within: 30d, where: <condition>)"
            : $"{c.Function}('<fact or event>', within: 30d, where: <condition>)";
        if (c.Arguments.Count != (takesColumn ? 2 : 1) || c.Arguments[0] is not LiteralNode { Kind: LiteralKind.String, Value: string source })
            return Error(c.Span, $"use {usage}");
        foreach (var key in c.Named.Keys.Where(k => k is not ("within" or "where")))
            return Error(c.Named[key].Span, $"unknown option '{key}:' of {c.Function} (options: within:, where:)");
        if (c.Function == "days_since" && c.Named.ContainsKey("within"))
            return Error(c.Named["within"].Span, "days_since looks at all history; it takes no 'within:'");

        // The first argument names a fact ('orders') or an event of fact_events ('page_view').
        string fact;
        string? eventFilter = null;
        if (_schema.Facts.ContainsKey(source))
            fact = source;
        else if (_schema.Facts.TryGetValue(ModelSchema.EventFact, out var events) && events.ContainsKey("event")
                 && (_schema.Events.Count == 0 || _schema.Events.Contains(source)))
        {
            fact = ModelSchema.EventFact;
            eventFilter = $"\"event\" = CAST({Parameter(source)} AS VARCHAR)";
        }
        else
        {
            var known = _schema.Facts.Keys.Concat(_schema.Events);
            return Error(c.Arguments[0].Span, $"'{source}' is not a fact or a known event{TagCenter.Core.Diagnostics.Suggest.Hint(source, known)} (facts: {string.Join(", ", _schema.Facts.Keys)})");
        }

        string? window = null;
        if (c.Named.TryGetValue("within", out var within))
        {
            if (within is not LiteralNode { Kind: LiteralKind.Duration, Value: string duration })
                return Error(within.Span, $"'within:' takes a window such as 30d ({Durations.Help})");
            window = duration;
        }

        string? column = null;
        var columnType = TagValueType.Int;
        if (takesColumn)
        {
            if (c.Arguments[1] is not NameNode columnName || !_schema.Facts[fact].TryGetValue(columnName.Name, out columnType))
            {
                var given = c.Arguments[1] is NameNode n ? n.Name : "?";
                return Error(c.Arguments[1].Span, $"'{given}' is not a column of fact_{fact}{TagCenter.Core.Diagnostics.Suggest.Hint(given, _schema.Facts[fact].Keys)}");
            }
            if (c.Function is "sum" or "avg" && !columnType.IsNumber())
                return Error(c.Arguments[1].Span, $"{c.Function} needs a number column, but {columnName.Name} is {Describe(columnType)}");
            column = SqlText.Ident(columnName.Name);
        }

        var filters = new List<string>();
        if (eventFilter is not null)
            filters.Add(eventFilter);
        if (c.Named.TryGetValue("where", out var where))
        {
            _fact = fact;
            var (condition, type) = Visit(where);
            _fact = null;
            if (type is not (TagValueType.Bool or TagValueType.Unknown))
                Error(where.Span, $"'where:' needs a condition (true/false), but this is {Describe(type)}");
            filters.Add(condition);
        }
        var filter = filters.Count == 0 ? null : string.Join(" AND ", filters);

        var aggregate = c.Function switch
        {
            "count" or "did" => "count(*){filter}",
            "days_since" => "max(event_time){filter}",
            "first" => _dialect.ArgMin(column!, "event_time"),
            "last" => _dialect.ArgMax(column!, "event_time"),
            "most" => _dialect.Mode(column!),
            _ => $"{c.Function}({column}){{filter}}",
        };
        Reads.Add(column is null ? $"fact_{fact}" : $"fact_{fact}.{((NameNode)c.Arguments[1]).Name}");
        if (eventFilter is not null)
            Reads.Add($"fact_{fact}.event={source}");
        var call = new AggregateCall(fact, window, aggregate, column, filter);
        if (!_aggregates.TryGetValue(call, out var shared))
        {
            shared = call with { Alias = $"agg_{_aggregates.Count + 1}" };
            _aggregates[call] = shared;
        }
        var reference = $"t.{SqlText.Ident(shared.Alias)}";
        return c.Function switch
        {
            "count" => ($"coalesce({reference}, 0)", TagValueType.Int),
            "did" => ($"(coalesce({reference}, 0) > 0)", TagValueType.Bool),
            "days_since" => (_dialect.DaysBetween(reference, "CAST($1 AS TIMESTAMP)"), TagValueType.Int),
            "sum" or "avg" => (reference, TagValueType.Decimal),
            _ => (reference, columnType),
        };
    }

    private static string Describe(TagValueType type) => type switch
    {
        TagValueType.Bool => "true/false",
        TagValueType.Int => "a whole number",
        TagValueType.Decimal => "a number",
        TagValueType.String => "text",
        TagValueType.Date => "a date",
        TagValueType.Timestamp => "a time",
        TagValueType.List => "a list",
        TagValueType.Duration => "a window",
        TagValueType.Null => "null",
        _ => "unknown",
    };
}
