using TagCenter.Core.Sql;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Realtime;

/// <summary>
/// Writes real-time tag changes where batch runs write theirs, so history, <c>as_of</c> queries and the next run see
/// one record: a run row in <c>tag_runs</c> of status <c>realtime</c> (listing the tags it may change, never counted as
/// the last batch run: freshness, the index and segment passes look at status <c>ok</c>) with its number in
/// <c>tag_run_order</c>; each changed value closes the person's open interval in <c>tag_history</c> and opens a new
/// one at that number (text as the engine casts it); <c>person_tags</c> keeps the latest values. A batch of events
/// that changes nothing writes nothing. Runs inside the caller's transaction.
/// </summary>
internal static class TagChangeWriter
{
    public const string Status = "realtime";

    /// <summary>Records the changes of <paramref name="updates"/>; returns the run id and its number, or null when nothing changed.</summary>
    public static (string RunId, int Seq)? Write(WorkspaceDatabase db, RealtimeContext context, IReadOnlyList<PersonUpdate> updates, DateTime asOf, DateTime appliedAt, TimeProvider time)
    {
        var changed = updates.Where(u => u.TagsChanged).ToList();
        if (changed.Count == 0)
            return null;
        var runId = RunIds.Next('R', time);
        var seq = db.Scalar<int>("SELECT coalesce(max(seq), 0) + 1 FROM tag_run_order");
        db.Execute("INSERT INTO tag_run_order VALUES ($1, $2)", runId, seq);
        db.Execute("INSERT INTO tag_runs VALUES ($1, $2, $3, $4, $5, $6, $7)",
            runId, appliedAt, appliedAt, asOf, string.Join(",", context.Stored.Select(t => t.Code)), (long)updates.Count(u => u.Present), Status);
        // Set-based, whatever the number of persons: the changed rows are built in a small temp table, then the
        // history and person_tags are each touched by one statement (each is a scan of a large table).
        var ids = changed.Select(u => u.OneId).ToList();
        var list = string.Join(", ", ids.Select((_, i) => "$" + (i + 1)));
        db.Execute("CREATE OR REPLACE TEMP TABLE rt_cells (oneid VARCHAR, tag VARCHAR)");
        db.Execute($"CREATE OR REPLACE TEMP TABLE rt_rows AS SELECT * FROM person_tags WHERE oneid IN ({list})", [.. ids]);
        foreach (var person in changed)
        {
            if (!person.Present)
            {
                db.Execute("DELETE FROM rt_rows WHERE oneid = $1", person.OneId);
                db.Execute("INSERT INTO rt_cells SELECT oneid, tag FROM tag_history WHERE oneid = $1 AND valid_to IS NULL", person.OneId);
                continue;
            }
            var codes = person.Changed.Keys.ToList();
            var values = codes.Select(c => person.Changed[c]).ToArray();
            var casts = codes.Select((c, i) => $"CAST(${i + 2} AS {context.Columns[c]})").ToList();
            if (person.HadRow)
                db.Execute($"UPDATE rt_rows SET {string.Join(", ", codes.Select((c, i) => $"{SqlText.Ident(c)} = {casts[i]}"))} WHERE oneid = $1", [person.OneId, .. values]);
            else
                db.Execute($"INSERT INTO rt_rows ({string.Join(", ", codes.Prepend("oneid").Select(SqlText.Ident))}) VALUES ($1, {string.Join(", ", casts)})", [person.OneId, .. values]);
            db.Execute($"INSERT INTO rt_cells VALUES {string.Join(", ", codes.Select(c => $"($1, {SqlText.Literal(c)})"))}", person.OneId);
        }
        db.Execute("""
            UPDATE tag_history SET valid_to = $1 FROM rt_cells c
            WHERE tag_history.valid_to IS NULL AND tag_history.oneid = c.oneid AND tag_history.tag = c.tag
            """, seq);
        db.Execute($"DELETE FROM person_tags WHERE oneid IN ({list})", [.. ids]);
        db.Execute("INSERT INTO person_tags BY NAME SELECT * FROM rt_rows");
        // The new intervals take the text of the stored, typed values: the same CAST a run's history uses.
        var stored = context.Stored.Select(t => t.Code).ToList();
        db.Execute($"""
            INSERT INTO tag_history
            SELECT u.tag, u.oneid, u.value, $1, NULL FROM (
                UNPIVOT (SELECT oneid, {string.Join(", ", stored.Select(c => $"CAST({SqlText.Ident(c)} AS VARCHAR) AS {SqlText.Ident(c)}"))} FROM rt_rows)
                ON COLUMNS(* EXCLUDE (oneid)) INTO NAME tag VALUE value) u
            JOIN rt_cells c ON c.oneid = u.oneid AND c.tag = u.tag
            WHERE u.value IS NOT NULL
            """, seq);
        db.Execute("DROP TABLE rt_cells; DROP TABLE rt_rows");
        return (runId, seq);
    }
}
