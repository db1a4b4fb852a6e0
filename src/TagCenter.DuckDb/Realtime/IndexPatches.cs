using TagCenter.Core.Realtime;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Realtime;

/// <summary>
/// The rows the bitmap index must be patched with, read from <c>person_tags</c> as the index builder reads it (so
/// the overlay holds exactly what a rebuild would): after a batch of events, and when a server opens an index older
/// than the real-time changes since its run. A person without an ordinal gets the next one (<see cref="PersonOrdinals"/>).
/// </summary>
public static class IndexPatches
{
    /// <summary>
    /// The current rows of <paramref name="oneIds"/> (a person without a row is no longer there); with
    /// <paramref name="assign"/> (on the writer) a person without an ordinal gets one, else is left out.
    /// </summary>
    public static IReadOnlyList<IndexPatch> Read(WorkspaceDatabase db, IReadOnlyList<string> oneIds, bool assign = true)
    {
        if (oneIds.Count == 0 || !db.TableExists("person_tags"))
            return [];
        PersonOrdinals.Ensure(db);
        var rows = PersonRows.Read(db, "person_tags", oneIds);
        var ordinals = PersonRows.Read(db, PersonOrdinals.Table, oneIds).ToDictionary(o => o.Key, o => Convert.ToUInt32(o.Value[0]["ordinal"]), StringComparer.Ordinal);
        var golden = BirthdayIndex.Read(db, oneIds);
        var patches = new List<IndexPatch>(oneIds.Count);
        foreach (var oneId in oneIds)
        {
            var present = rows.TryGetValue(oneId, out var row);
            if (!ordinals.TryGetValue(oneId, out var ordinal))
            {
                if (!present || !assign)
                    continue; // not a person, or a reader that must not write: nothing to lay over the index
                ordinal = db.Scalar<uint>("SELECT coalesce(max(ordinal) + 1, 0) FROM person_ordinals");
                db.Execute("INSERT INTO person_ordinals VALUES ($1, $2)", oneId, ordinal);
            }
            patches.Add(new IndexPatch(ordinal, present, present ? row![0] : new Dictionary<string, object?>())
            {
                Golden = golden is not null,
                Birthday = golden is not null && golden.TryGetValue(oneId, out var days) ? days : null,
            });
        }
        return patches;
    }

    /// <summary>
    /// The rows of every person real-time runs changed after <paramref name="indexRun"/> (the run the index file was
    /// built from): what an index opened later must lay over the file.
    /// </summary>
    public static IReadOnlyList<IndexPatch> Since(WorkspaceDatabase db, string indexRun)
    {
        if (!db.TableExists("tag_history") || !db.TableExists("tag_run_order"))
            return [];
        var ids = db.Rows($"""
            WITH since AS (SELECT seq FROM tag_run_order WHERE run_id = $1),
            realtime AS (SELECT o.seq FROM tag_run_order o JOIN tag_runs r USING (run_id) WHERE r.status = '{TagChangeWriter.Status}' AND o.seq > (SELECT seq FROM since))
            SELECT DISTINCT oneid FROM tag_history WHERE valid_from IN (SELECT seq FROM realtime) OR valid_to IN (SELECT seq FROM realtime) ORDER BY 1
            """, indexRun).Select(r => (string)r[0]!).ToList();
        var patches = new List<IndexPatch>();
        for (var i = 0; i < ids.Count; i += 500)
            patches.AddRange(Read(db, ids.GetRange(i, Math.Min(500, ids.Count - i)), assign: false));
        return patches;
    }
}
