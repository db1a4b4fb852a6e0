using TagCenter.Core.Expressions;
using TagCenter.Core.Expressions.Binding;

namespace TagCenter.Core.Tags;

/// <summary>Behaviour and scalar functions, over the person's fact rows.</summary>
public sealed partial class TagEvaluator
{
    private object? Call(BoundScalarCall c) => c.Function switch
    {
        "coalesce" => c.Arguments.Select(Eval).FirstOrDefault(v => v is not null),
        "greatest" => c.Arguments.Select(Eval).Where(v => v is not null).Aggregate((object?)null, (m, v) => m is null || Order(v!, m) > 0 ? v : m),
        "least" => c.Arguments.Select(Eval).Where(v => v is not null).Aggregate((object?)null, (m, v) => m is null || Order(v!, m) < 0 ? v : m),
        _ => Eval(c.Arguments[0]) is { } x
            ? Math.Round(Number(x), c.Arguments.Count > 1 && Eval(c.Arguments[1]) is { } d ? (int)Number(d) : 0, MidpointRounding.AwayFromZero)
            : null,
    };

    private object? Behaviour(BoundBehaviour c)
    {
        var rows = _person.Facts.GetValueOrDefault(c.Fact) ?? [];
        var from = c.Within is { } window ? Durations.Before(_asOf, window) : (DateTime?)null;
        var selected = rows.Where(r =>
        {
            var time = r.GetValueOrDefault("event_time") as DateTime?;
            if (from is null ? time > _asOf : time is null || time > _asOf || time <= from)
                return false;
            if (c.Event is not null && !Equals(r.GetValueOrDefault("event"), c.Event))
                return false;
            if (c.Where is null)
                return true;
            _row = r;
            try
            {
                return Eval(c.Where) is true;
            }
            finally
            {
                _row = null;
            }
        }).ToList();
        var column = c.Column;
        var values = column is null ? [] : selected.Select(r => r.GetValueOrDefault(column)).Where(v => v is not null).ToList();
        return c.Function switch
        {
            "count" => (decimal)selected.Count,
            "did" => selected.Count > 0,
            "sum" => values.Count == 0 ? null : values.Sum(v => Number(v!)),
            "avg" => values.Count == 0 ? null : values.Average(v => Number(v!)),
            "min" => values.Count == 0 ? null : values.Aggregate((m, v) => Order(v!, m!) < 0 ? v : m),
            "max" => values.Count == 0 ? null : values.Aggregate((m, v) => Order(v!, m!) > 0 ? v : m),
            "first" => selected.Where(r => r.GetValueOrDefault(column!) is not null).MinBy(r => r["event_time"] as DateTime?)?.GetValueOrDefault(column!),
            "last" => selected.Where(r => r.GetValueOrDefault(column!) is not null).MaxBy(r => r["event_time"] as DateTime?)?.GetValueOrDefault(column!),
            // The most frequent value; a tie goes to the smallest, as in SQL (SqlDialect.Mode), so reruns agree.
            "most" => values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, Comparer<object?>.Create((a, b) => Order(a!, b!))).Select(g => g.Key).FirstOrDefault(),
            "days_since" => selected.Select(r => r.GetValueOrDefault("event_time") as DateTime?).Max() is { } last
                ? (decimal)(_asOf.Date - last.Date).TotalDays
                : null,
            _ => throw new InvalidOperationException($"unknown function {c.Function}"),
        };
    }
}
