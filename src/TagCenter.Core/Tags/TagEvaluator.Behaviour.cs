using TagCenter.Core.Expressions;
using TagCenter.Core.Expressions.Binding;

namespace TagCenter.Core.Tags;

/// <summary>Behaviour and scalar functions, over the person's fact rows.</summary>
public sealed partial class TagEvaluator
{
    private object? Call(BoundScalarCall c)
    {
        switch (c.Function)
        {
            case "coalesce":
                for (var i = 0; i < c.Arguments.Count; i++)   // indexed: foreach over an interface boxes its enumerator
                    if (Eval(c.Arguments[i]) is { } value)
                        return value;
                return null;
            case "greatest" or "least":
                // The first of the largest (smallest) non-null arguments; every argument is evaluated.
                object? best = null;
                for (var i = 0; i < c.Arguments.Count; i++)
                    if (Eval(c.Arguments[i]) is { } value && (best is null || (c.Function == "greatest" ? Order(value, best) > 0 : Order(value, best) < 0)))
                        best = value;
                return best;
            default:
                return Eval(c.Arguments[0]) is { } x
                    ? Math.Round(Number(x), c.Arguments.Count > 1 && Eval(c.Arguments[1]) is { } d ? (int)Number(d) : 0, MidpointRounding.AwayFromZero)
                    : null;
        }
    }

    private object? Behaviour(BoundBehaviour c)
    {
        var rows = _person.Facts.GetValueOrDefault(c.Fact) ?? [];
        var from = c.Within is { } window ? Durations.Before(_asOf, window) : (DateTime?)null;
        var column = c.Column;
        if (c.Function == "most")
            return Most(column, Selected(c, rows, from));
        // The rest folds the selected rows as they pass (no list of them): the same order and arithmetic as over a list.
        var (count, numbers, sum) = (0, 0, 0m);
        object? extreme = null;
        DateTime? latest = null, at = null;   // days_since's latest time; the time of first/last's row
        var sign = c.Function == "first" ? -1 : 1;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (!Selects(c, row, from))
                continue;
            count++;
            if (c.Function == "did")
                return True;
            if (c.Function == "days_since")
            {
                if (row.GetValueOrDefault("event_time") is DateTime time && (latest is null || time > latest))
                    latest = time;
                continue;
            }
            if (column is null || row.GetValueOrDefault(column) is not { } value)
                continue;
            numbers++;
            switch (c.Function)
            {
                case "sum" or "avg":
                    sum += Number(value);
                    break;
                case "min" when extreme is null || Order(value, extreme) < 0:
                case "max" when extreme is null || Order(value, extreme) > 0:
                    extreme = value;
                    break;
                // The earliest (latest) row with a time; a tie on time goes to the smallest (largest) value, as in SQL
                // (SqlDialect.ArgMin).
                case "first" or "last" when row.GetValueOrDefault("event_time") is DateTime time
                    && (at is not { } held || sign * time.CompareTo(held) > 0 || (time == held && sign * Order(value, extreme!) > 0)):
                    (extreme, at) = (value, time);
                    break;
            }
        }
        return c.Function switch
        {
            "count" => (decimal)count,
            "did" => False,
            "sum" => numbers == 0 ? null : sum,
            "avg" => numbers == 0 ? null : sum / numbers,
            "min" or "max" or "first" or "last" => extreme,
            "days_since" => latest is { } last ? (decimal)(_asOf.Date - last.Date).TotalDays : null,
            _ => throw new InvalidOperationException($"unknown function {c.Function}"),
        };
    }

    /// <summary>Whether a fact row counts for <paramref name="c"/>: in its window (none: up to the as-of time), its event, its where.</summary>
    private bool Selects(BoundBehaviour c, IReadOnlyDictionary<string, object?> row, DateTime? from)
    {
        var time = row.GetValueOrDefault("event_time") as DateTime?;
        if (from is null ? time > _asOf : time is null || time > _asOf || time <= from)
            return false;
        if (c.Event is not null && !Equals(row.GetValueOrDefault("event"), c.Event))
            return false;
        if (c.Where is null)
            return true;
        _row = row;
        try
        {
            return Eval(c.Where) is true;
        }
        finally
        {
            _row = null;
        }
    }

    private List<IReadOnlyDictionary<string, object?>> Selected(BoundBehaviour c, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, DateTime? from)
    {
        var selected = new List<IReadOnlyDictionary<string, object?>>();
        for (var r = 0; r < rows.Count; r++)
            if (Selects(c, rows[r], from))
                selected.Add(rows[r]);
        return selected;
    }

    /// <summary>The most frequent value; a tie goes to the smallest, as in SQL (SqlDialect.Mode), so reruns agree.</summary>
    private static object? Most(string? column, List<IReadOnlyDictionary<string, object?>> selected) =>
        selected.Select(r => column is null ? null : r.GetValueOrDefault(column)).Where(v => v is not null)
            .GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, Comparer<object?>.Create((a, b) => Order(a!, b!))).Select(g => g.Key).FirstOrDefault();
}
