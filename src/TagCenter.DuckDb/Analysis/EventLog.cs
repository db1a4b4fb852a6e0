using TagCenter.Core.Analysis;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Analysis;

/// <summary>
/// The events the analyses read: every row of <c>fact_events</c> (oneid, event, event_time), and every order of
/// <c>fact_orders</c> as an event named after its status (<c>order_paid</c>, <c>order_refunded</c>…; <c>order</c>
/// without a status column) at the order's time, so a funnel can end in a purchase.
/// </summary>
public static class EventLog
{
    public const string Table = "fact_events";

    /// <summary>The relation (a parenthesized query) of all analysis events: columns oneid, event, event_time.</summary>
    public static string Relation(WorkspaceDatabase db)
    {
        if (!db.TableExists("fact_orders"))
            return $"(SELECT oneid, event, event_time FROM {Table})";
        var status = db.Rows("SELECT 1 FROM duckdb_columns() WHERE table_name = 'fact_orders' AND column_name = 'status' AND database_name <> 'temp'").Count > 0;
        var name = status ? "'order_' || CAST(status AS VARCHAR)" : "'order'";
        return $"(SELECT oneid, event, event_time FROM {Table} UNION ALL SELECT oneid, {name} AS event, event_time FROM fact_orders)";
    }

    /// <summary>Throws <see cref="NotFoundException"/> when the workspace has no event fact yet.</summary>
    public static void Require(WorkspaceDatabase db)
    {
        if (!db.TableExists(Table))
            throw new NotFoundException(Texts.T("analysis.noevents"));
    }

    /// <summary>Every event name the log holds.</summary>
    public static IReadOnlyList<string> Events(WorkspaceDatabase db) =>
        [.. db.Rows($"SELECT DISTINCT event FROM {Relation(db)} WHERE event IS NOT NULL ORDER BY 1 LIMIT 10000").Select(r => (string)r[0]!)];

    /// <summary>
    /// Checks that every name in <paramref name="names"/> is an event of the log: <see cref="NotFoundException"/> with
    /// the known ones and a suggestion. It reads the log, so the analyses call it only when their result is empty.
    /// </summary>
    public static void RequireEvents(WorkspaceDatabase db, IReadOnlyList<string> names)
    {
        Require(db);
        var distinct = names.Distinct(StringComparer.Ordinal).ToList();
        // EXISTS stops at the first row of each event: no scan of the log when the names are right.
        var relation = Relation(db);
        var probes = string.Join(", ", distinct.Select((_, i) => $"EXISTS (SELECT 1 FROM {relation} l WHERE event = ${i + 1})"));
        var found = db.Rows($"SELECT {probes}", [.. distinct])[0];
        if (found.All(f => f is true))
            return;
        var known = Events(db);
        foreach (var name in distinct)
            FunnelRequest.KnownEvent(name, known);
    }
}
