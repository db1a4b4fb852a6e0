using TagCenter.Core.Index;
using TagCenter.Core.Realtime;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Realtime;

/// <summary>
/// The activity columns of a few persons as a rebuild would compute them now (<see cref="ActivityIndex.Latest"/>
/// over their fact rows only): after a batch of events, for the persons it touched (both sides of a merge included),
/// and when a server opens an index older than the events applied since its run.
/// </summary>
public static class ActivityPatches
{
    /// <summary>
    /// The columns <paramref name="codes"/> of <paramref name="oneIds"/> at <paramref name="anchor"/>; a person
    /// without a row in <c>person_tags</c> (merged away, not a person) has none, one without an ordinal is left out.
    /// The columns of the persons of <paramref name="known"/> were computed from rows the real-time evaluator read:
    /// only the other persons are read here.
    /// </summary>
    public static IReadOnlyList<ActivityPatch> Read(WorkspaceDatabase db, IReadOnlyList<string> oneIds, DateTime anchor, IReadOnlyList<string> codes,
        KnownActivity? known = null)
    {
        if (oneIds.Count == 0 || codes.Count == 0 || !db.TableExists("person_tags"))
            return [];
        PersonOrdinals.Ensure(db);
        var ids = oneIds.Distinct(StringComparer.Ordinal).ToList();
        var ordinals = PersonRows.Read(db, PersonOrdinals.Table, ids).ToDictionary(o => o.Key, o => Convert.ToUInt32(o.Value[0]["ordinal"]), StringComparer.Ordinal);
        var present = PersonRows.Read(db, "person_tags", ids, "oneid").Keys.ToHashSet(StringComparer.Ordinal);
        var latest = ids.ToDictionary(id => id, _ => new Dictionary<string, long>(StringComparer.Ordinal), StringComparer.Ordinal);
        var unread = known is null ? ids : [.. ids.Where(id => !known.Persons.Contains(id))];
        foreach (var id in known?.Persons.Where(latest.ContainsKey) ?? [])
            foreach (var (code, day) in known!.Of(id))
                latest[id][code] = day;
        foreach (var group in codes.Select(ActivitySource.Of).GroupBy(s => s.Fact, StringComparer.Ordinal))
        {
            var sources = group.ToList();
            if (unread.Count == 0 || !db.TableExists("fact_" + group.Key))
                continue;
            var (sql, parameters) = ActivityIndex.Latest(group.Key, sources, anchor, unread);
            foreach (var row in db.Rows(sql, parameters))
                for (var i = 0; i < sources.Count; i++)
                    if (row[i + 1] is { } days)
                        latest[(string)row[0]!][sources[i].Code] = Convert.ToInt64(days);
        }
        return [.. latest.Where(p => ordinals.ContainsKey(p.Key))
            .Select(p => new ActivityPatch(ordinals[p.Key], present.Contains(p.Key) ? p.Value : new Dictionary<string, long>()))];
    }

    /// <summary>
    /// The columns of every person whose fact rows arrived (or whose identity merged) after <paramref name="indexRun"/>
    /// finished: what an index opened later must lay over the file.
    /// </summary>
    public static IReadOnlyList<ActivityPatch> Since(WorkspaceDatabase db, string indexRun, DateTime anchor, IReadOnlyList<string> codes)
    {
        if (codes.Count == 0 || !db.TableExists("tag_runs") || !db.TableExists("loads"))
            return [];
        var finished = db.Scalar<DateTime?>("SELECT finished_at FROM tag_runs WHERE run_id = $1", indexRun);
        if (finished is null)
            return [];
        var persons = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var fact in codes.Select(c => ActivitySource.Of(c).Fact).Distinct(StringComparer.Ordinal))
        {
            var table = "fact_" + fact;
            if (!db.TableExists(table) || db.Scalar<long>("SELECT count(*) FROM duckdb_columns() WHERE table_name = $1 AND column_name = '_load_id'", table) == 0)
                continue;
            foreach (var row in db.Rows($"""
                SELECT DISTINCT oneid FROM {Core.Sql.SqlText.Ident(table)}
                WHERE oneid IS NOT NULL AND _load_id IN (SELECT load_id FROM loads WHERE finished_at > $1)
                """, finished))
                persons.Add((string)row[0]!);
        }
        if (db.TableExists("identity_history"))
            foreach (var row in db.Rows("SELECT oneid, other_oneid FROM identity_history WHERE kind = 'merged' AND happened_at > $1", finished))
                foreach (var id in row.OfType<string>())
                    persons.Add(id);
        var ids = persons.ToList();
        var patches = new List<ActivityPatch>();
        for (var i = 0; i < ids.Count; i += 500)
            patches.AddRange(Read(db, ids.GetRange(i, Math.Min(500, ids.Count - i)), anchor, codes));
        return patches;
    }
}
