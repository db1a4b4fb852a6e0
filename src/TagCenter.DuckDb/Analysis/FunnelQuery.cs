using System.Globalization;
using System.Text;
using TagCenter.Core.Analysis;
using TagCenter.Core.Sql;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Analysis;

/// <summary>
/// Computes a funnel (<see cref="FunnelRequest"/>) in one DuckDB statement: the step-1 entries grouped by person, then
/// per step a hash join of the persons still in the funnel with that step's events and a min() of the time
/// after the previous step and within the window: the events are read once per step, never sorted, never
/// joined with themselves. Counts and medians per group come from one GROUPING SETS pass.
/// </summary>
public static class FunnelQuery
{
    /// <summary>Runs <paramref name="request"/> after checking it against the events the log holds.</summary>
    public static FunnelResult Run(WorkspaceDatabase db, FunnelRequest request)
    {
        EventLog.Require(db);
        request.Validate(request.Steps.ToHashSet(StringComparer.Ordinal)); // shape first: one step is a usage error
        var (sql, parameters) = Sql(request, EventLog.Relation(db));
        var result = Read(request, db.Rows(sql, [.. parameters]));
        // An unknown event leaves its step (and the last) empty: only then is the log asked which names it holds.
        if (result.Total.Steps[^1].Persons == 0)
            EventLog.RequireEvents(db, request.Steps);
        return result;
    }

    /// <summary>The statement and its parameters: one row per group (the total first) with counts then medians per step.</summary>
    public static (string Sql, IReadOnlyList<object?> Parameters) Sql(FunnelRequest request, string events = "(SELECT oneid, event, event_time FROM fact_events)")
    {
        var n = request.Steps.Count;
        var parameters = new List<object?>(request.Steps);
        string Param(object value)
        {
            parameters.Add(value);
            return "$" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        }
        var within = $"INTERVAL '{(long)request.Within.TotalMicroseconds} microseconds'";
        var range = new StringBuilder();
        var entry = new StringBuilder();
        if (request.From is { } from)
        {
            var p = Param(from);
            range.Append($" AND event_time >= {p}");
            entry.Append($" AND event_time >= {p}");
        }
        if (request.To is { } to)
        {
            var p = Param(to);
            range.Append($" AND event_time < {p} + {within}");
            entry.Append($" AND event_time < {p}");
        }
        // Each step reads its own event from the log (no shared CTE: DuckDB would materialize it), filtered as it is scanned.
        string Step(int k) =>
            $"(SELECT oneid, event_time FROM {events} l WHERE event = ${k} AND oneid IS NOT NULL AND event_time IS NOT NULL{range}{request.Population.Filter("oneid")})";
        var sql = new StringBuilder();
        sql.Append($"WITH s1 AS (SELECT oneid, min(event_time) AS t1, min(event_time) AS t FROM {Step(1)} e WHERE TRUE{entry} GROUP BY oneid)");
        for (var k = 2; k <= n; k++)
            sql.Append($"""
                ,
                s{k} AS (
                  SELECT p.oneid, any_value(p.t1) AS t1, min(e.event_time) AS t
                  FROM s{k - 1} p JOIN {Step(k)} e ON e.oneid = p.oneid
                  WHERE e.event_time > p.t AND e.event_time <= p.t1 + {within}
                  GROUP BY p.oneid)
                """);
        var times = string.Join(", ", Enumerable.Range(1, n).Select(k => $"s{k}.t AS t{k}"));
        var joins = string.Concat(Enumerable.Range(2, n - 1).Select(k => $" LEFT JOIN s{k} USING (oneid)"));
        sql.Append($",\nf AS (SELECT s1.oneid, {times} FROM s1{joins})");
        var counts = string.Join(", ", Enumerable.Range(1, n).Select(k => $"count(t{k})"));
        var medians = string.Join(", ", Enumerable.Range(2, n - 1).Select(k => $"median(CAST(epoch_us(t{k}) - epoch_us(t{k - 1}) AS DOUBLE)) / 1e6"));
        if (request.By is not { } by)
        {
            sql.Append($"\nSELECT NULL AS grp, 1 AS total, {counts}, {medians} FROM f");
            return (sql.ToString(), parameters);
        }
        sql.Append($",\n{DimensionSql.Groups(by, "f", Param)}\nSELECT grp, GROUPING(grp) AS total, {counts}, {medians} FROM h GROUP BY GROUPING SETS ((), (grp))");
        return (sql.ToString(), parameters);
    }

    private static FunnelResult Read(FunnelRequest request, List<object?[]> rows)
    {
        var n = request.Steps.Count;
        FunnelGroup Group(object?[] row)
        {
            var persons = Enumerable.Range(0, n).Select(i => Convert.ToInt64(row[2 + i], CultureInfo.InvariantCulture)).ToList();
            var medians = new List<double?> { null };
            medians.AddRange(Enumerable.Range(1, n - 1).Select(i => row[1 + n + i] is { } m ? Convert.ToDouble(m, CultureInfo.InvariantCulture) : (double?)null));
            return new FunnelGroup(row[0] as string, FunnelResult.Steps(request.Steps, persons, medians));
        }
        var empty = new object?[2 + 2 * n];
        Array.Fill(empty, 0L, 2, n);
        var total = rows.SingleOrDefault(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture) == 1) ?? empty;
        var groups = DimensionSql.Order(rows.Where(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture) == 0).Select(Group),
            g => g.Value, g => g.Steps[0].Persons).ToList();
        return new FunnelResult(request, Group(total), groups);
    }
}
