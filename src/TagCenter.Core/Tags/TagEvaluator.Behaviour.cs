using TagCenter.Core.Expressions;

namespace TagCenter.Core.Tags;

/// <summary>Behaviour and scalar functions, over the person's fact rows.</summary>
public sealed partial class TagEvaluator
{
    private object? Call(CallNode c) => c.Function switch
    {
        "coalesce" => c.Arguments.Select(Eval).FirstOrDefault(v => v is not null),
        "greatest" => c.Arguments.Select(Eval).Where(v => v is not null).Aggregate((object?)null, (m, v) => m is null || Order(v!, m) > 0 ? v : m),
        "least" => c.Arguments.Select(Eval).Where(v => v is not null).Aggregate((object?)null, (m, v) => m is null || Order(v!, m) < 0 ? v : m),
        "round" => Eval(c.Arguments[0]) is { } x
            ? Math.Round(Number(x), c.Arguments.Count > 1 && Eval(c.Arguments[1]) is { } d ? (int)Number(d) : 0, MidpointRounding.AwayFromZero)
            : null,
        _ => Behaviour(c),
    };

    private object? Behaviour(CallNode c)
    {
        var source = (string)((LiteralNode)c.Arguments[0]).Value!;
        var fact = _person.Facts.ContainsKey(source) ? source : ModelSchema.EventFact;
        var rows = _person.Facts.GetValueOrDefault(fact) ?? [];
        var from = c.Named.TryGetValue("within", out var w) ? Durations.Before(_asOf, (Window)((LiteralNode)w).Value!) : (DateTime?)null;
        var selected = rows.Where(r =>
        {
            var time = r.GetValueOrDefault("event_time") as DateTime?;
            if (from is null ? time > _asOf : time is null || time > _asOf || time <= from)
                return false;
            if (fact != source && !Equals(r.GetValueOrDefault("event"), source))
                return false;
            if (!c.Named.TryGetValue("where", out var where))
                return true;
            _row = r;
            try
            {
                return Eval(where) is true;
            }
            finally
            {
                _row = null;
            }
        }).ToList();
        var column = c.Arguments.Count > 1 ? ((NameNode)c.Arguments[1]).Name : null;
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
            "most" => values.GroupBy(v => v).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault(),
            "days_since" => selected.Select(r => r.GetValueOrDefault("event_time") as DateTime?).Max() is { } last
                ? (decimal)(_asOf.Date - last.Date).TotalDays
                : null,
            _ => throw new InvalidOperationException($"unknown function {c.Function}"),
        };
    }
}
