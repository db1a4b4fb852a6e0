using System.Globalization;
using TagCenter.Core.Analysis;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Analysis;

/// <summary>Computes conversion by dimension (<see cref="ConversionRequest"/>) in one statement over <c>dim_person</c> and the goal's events.</summary>
public static class ConversionQuery
{
    public static ConversionResult Run(WorkspaceDatabase db, ConversionRequest request)
    {
        if (!db.TableExists("dim_person"))
            throw new NotFoundException(Texts.T("analysis.nopersons"));
        EventLog.Require(db);
        var parameters = new List<object?> { request.Goal, request.Since, request.AsOf };
        string Param(object value)
        {
            parameters.Add(value);
            return "$" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        }
        var sql = $"""
            WITH c AS (SELECT DISTINCT oneid FROM {EventLog.Relation(db)} l WHERE event = $1 AND event_time > $2 AND event_time <= $3 AND oneid IS NOT NULL),
            p AS (SELECT d.oneid, c.oneid IS NOT NULL AS converted FROM dim_person d LEFT JOIN c ON c.oneid = d.oneid WHERE TRUE{request.Population.Filter("d.oneid")}),
            {DimensionSql.Groups(request.By, "p", Param)}
            SELECT grp, GROUPING(grp) AS total, count(*), count(*) FILTER (WHERE converted) FROM h GROUP BY GROUPING SETS ((), (grp))
            """;
        var rows = db.Rows(sql, [.. parameters]);
        ConversionGroup Group(object?[] r) =>
            new(r[0] as string, Convert.ToInt64(r[2], CultureInfo.InvariantCulture), Convert.ToInt64(r[3], CultureInfo.InvariantCulture));
        var total = rows.Where(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture) == 1).Select(Group).SingleOrDefault() ?? new ConversionGroup(null, 0, 0);
        var groups = DimensionSql.Order(rows.Where(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture) == 0).Select(Group), g => g.Value, g => g.Persons).ToList();
        if (total.Converted == 0)
            EventLog.RequireEvents(db, [request.Goal]); // nobody converted: is the name wrong?
        return new ConversionResult(request, total, groups);
    }
}
