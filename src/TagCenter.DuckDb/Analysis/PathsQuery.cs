using System.Globalization;
using System.Text;
using TagCenter.Core.Analysis;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Analysis;

/// <summary>
/// Computes the paths around an event (<see cref="PathsRequest"/>) with window functions: per person in time
/// order, lead() (or lag()) of the event and its time up to the depth, cut where the window from the anchor ends.
/// </summary>
public static class PathsQuery
{
    public static PathsResult Run(WorkspaceDatabase db, PathsRequest request)
    {
        request.Validate();
        EventLog.Require(db);
        var (sql, parameters) = Sql(request, EventLog.Relation(db));
        var rows = db.Rows(sql, [.. parameters]);
        var anchors = rows.Count == 0 ? 0 : Convert.ToInt64(rows[0][0], CultureInfo.InvariantCulture);
        if (anchors == 0)
            EventLog.RequireEvents(db, [request.Event]); // no anchor at all: is the name wrong?
        var paths = rows.Where(r => r[1] is not null).Select(r =>
        {
            var count = Convert.ToInt64(r[1], CultureInfo.InvariantCulture);
            var events = Enumerable.Range(0, request.Depth).Select(i => r[2 + i] as string).TakeWhile(e => e is not null).Select(e => e!).ToList();
            return new PathSequence(events, count, anchors == 0 ? 0 : (double)count / anchors);
        }).ToList();
        return new PathsResult(request, anchors, paths);
    }

    public static (string Sql, IReadOnlyList<object?> Parameters) Sql(PathsRequest request, string events)
    {
        var d = request.Depth;
        var parameters = new List<object?> { request.Event };
        var within = $"INTERVAL '{(long)request.Within.TotalMicroseconds} microseconds'";
        var shift = request.Next ? "lead" : "lag";
        var neighbours = string.Join(", ", Enumerable.Range(1, d).Select(k => $"{shift}(event, {k}) OVER o AS n{k}, {shift}(event_time, {k}) OVER o AS m{k}"));
        var cut = string.Join(", ", Enumerable.Range(1, d).Select(k => request.Next
            ? $"CASE WHEN m{k} <= event_time + {within} THEN n{k} END AS n{k}"
            : $"CASE WHEN m{k} >= event_time - {within} THEN n{k} END AS n{k}"));
        var anchor = new StringBuilder();
        if (request.From is { } from)
        {
            parameters.Add(from);
            anchor.Append($" AND event_time >= ${parameters.Count}");
        }
        if (request.To is { } to)
        {
            parameters.Add(to);
            anchor.Append($" AND event_time < ${parameters.Count}");
        }
        var columns = string.Join(", ", Enumerable.Range(1, d).Select(k => $"n{k}"));
        // A path cut at step k has NULL from k on: "ended". A NULL after a real event cannot happen, times are ordered.
        var order = string.Join(", ", Enumerable.Range(1, d).Select(k => $"n{k} NULLS FIRST"));
        var sql = $"""
            WITH e AS (
              SELECT oneid, event, event_time FROM {events} l
              WHERE oneid IS NOT NULL AND event_time IS NOT NULL AND event IS NOT NULL{request.Population.Filter("oneid")}
              AND oneid IN (SELECT oneid FROM {events} a WHERE event = $1)
            ),
            w AS (SELECT oneid, event, event_time, {neighbours} FROM e WINDOW o AS (PARTITION BY oneid ORDER BY event_time, event)),
            a AS (SELECT {cut} FROM w WHERE event = $1{anchor}),
            p AS (SELECT count(*) AS c, {columns} FROM a GROUP BY ALL ORDER BY c DESC, {order} LIMIT {request.Top.ToString(CultureInfo.InvariantCulture)})
            SELECT (SELECT count(*) FROM a) AS anchors, p.* FROM (SELECT 1) LEFT JOIN p ON TRUE ORDER BY p.c DESC, {order.Replace("n", "p.n", StringComparison.Ordinal)}
            """;
        return (sql, parameters);
    }
}
