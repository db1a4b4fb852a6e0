using TagCenter.Core.Expressions.Binding;
using TagCenter.Core.Sql;
using static TagCenter.Core.Sql.SqlFragment;

namespace TagCenter.Core.Tags;

/// <summary>Behaviour functions over facts: count, did, sum, avg, min, max, first, last, most, days_since.</summary>
internal sealed partial class ExpressionSqlWriter
{
    private SqlFragment Behaviour(BoundBehaviour b)
    {
        var filters = new List<SqlFragment>();
        if (b.Within is { } window)
            filters.Add(Of($"event_time > {_dialect.Minus(Of($"CAST({_asOf} AS TIMESTAMP)"), window)}"));
        if (b.Event is not null)
            filters.Add(Of($"\"event\" = CAST({Value(b.Event)} AS VARCHAR)"));
        if (b.Where is not null)
            filters.Add(Of($"({Write(b.Where)})"));
        var time = Raw("event_time");
        var column = b.Column is null ? Empty : Ident(b.Column);
        if (b.Function is "first" or "last")
            filters.Add(Of($"{time} IS NOT NULL AND {column} IS NOT NULL"));   // candidates: rows with a time and a value
        var filter = filters.Count == 0 ? Empty : Of($" FILTER (WHERE {Join(" AND ", filters)})");

        var aggregate = b.Function switch
        {
            "count" or "did" => Of($"count(*){filter}"),
            "days_since" => Of($"max(event_time){filter}"),
            "first" => _dialect.ArgMin(column, time, filter, b.Type),
            "last" => _dialect.ArgMax(column, time, filter, b.Type),
            "most" => _dialect.Mode(column, filter, b.Type),
            _ => Of($"{Raw(b.Function)}({column}){filter}"),
        };
        var call = new AggregateCall(b.Fact, aggregate);
        if (!_aggregates.TryGetValue(call, out var shared))
        {
            shared = call with { Alias = $"agg_{_aggregates.Count + 1}" };
            _aggregates[call] = shared;
        }
        Aggregates.Add(shared);
        var reference = Of($"t.{Ident(shared.Alias)}");
        return b.Function switch
        {
            "count" => Of($"coalesce({reference}, 0)"),
            "did" => Of($"(coalesce({reference}, 0) > 0)"),
            "days_since" => _dialect.DaysBetween(reference, Of($"CAST({_asOf} AS TIMESTAMP)")),
            _ => reference,
        };
    }
}
