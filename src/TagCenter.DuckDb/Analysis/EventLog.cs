using TagCenter.Core.Analysis;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Analysis;

/// <summary>The events of the unified model (<c>fact_events</c>: oneid, event, event_time) as the analyses read them.</summary>
public static class EventLog
{
    public const string Table = "fact_events";

    /// <summary>Throws <see cref="NotFoundException"/> when the workspace has no event fact yet.</summary>
    public static void Require(WorkspaceDatabase db)
    {
        if (!db.TableExists(Table))
            throw new NotFoundException(Texts.T("analysis.noevents"));
    }

    /// <summary>Every event name the log holds.</summary>
    public static IReadOnlyList<string> Events(WorkspaceDatabase db) =>
        [.. db.Rows($"SELECT DISTINCT event FROM {Table} WHERE event IS NOT NULL ORDER BY 1 LIMIT 10000").Select(r => (string)r[0]!)];

    /// <summary>
    /// Checks that every name in <paramref name="names"/> is an event of the log, reading only those names first (the
    /// full list is read only to explain a miss): <see cref="NotFoundException"/> with the known ones and a suggestion.
    /// </summary>
    public static void RequireEvents(WorkspaceDatabase db, IReadOnlyList<string> names)
    {
        Require(db);
        var distinct = names.Distinct(StringComparer.Ordinal).ToList();
        var placeholders = string.Join(", ", distinct.Select((_, i) => $"${i + 1}"));
        var found = db.Rows($"SELECT DISTINCT event FROM {Table} WHERE event IN ({placeholders})", [.. distinct])
            .Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        if (found.Count == distinct.Count)
            return;
        var known = Events(db);
        foreach (var name in distinct)
            FunnelRequest.KnownEvent(name, known);
    }
}
