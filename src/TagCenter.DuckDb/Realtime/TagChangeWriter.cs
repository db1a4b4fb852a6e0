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

    /// <summary>Records the changes of <paramref name="updates"/>; returns the run id, or null when nothing changed.</summary>
    public static string? Write(WorkspaceDatabase db, RealtimeContext context, IReadOnlyList<PersonUpdate> updates, DateTime asOf, DateTime appliedAt, TimeProvider time)
    {
        var changed = updates.Where(u => u.TagsChanged).ToList();
        if (changed.Count == 0)
            return null;
        var runId = RunIds.Next('R', time);
        var seq = db.Scalar<int>("SELECT coalesce(max(seq), 0) + 1 FROM tag_run_order");
        db.Execute("INSERT INTO tag_run_order VALUES ($1, $2)", runId, seq);
        db.Execute("INSERT INTO tag_runs VALUES ($1, $2, $3, $4, $5, $6, $7)",
            runId, appliedAt, appliedAt, asOf, string.Join(",", context.Stored.Select(t => t.Code)), (long)updates.Count(u => u.Present), Status);
        foreach (var person in changed)
        {
            if (!person.Present)
            {
                db.Execute("UPDATE tag_history SET valid_to = $1 WHERE oneid = $2 AND valid_to IS NULL", seq, person.OneId);
                db.Execute("DELETE FROM person_tags WHERE oneid = $1", person.OneId);
                continue;
            }
            var codes = person.Changed.Keys.ToList();
            db.Execute($"UPDATE tag_history SET valid_to = $1 WHERE oneid = $2 AND valid_to IS NULL AND tag IN ({string.Join(", ", codes.Select(SqlText.Literal))})", seq, person.OneId);
            var values = codes.Select(c => person.Changed[c]).ToArray();
            var casts = codes.Select((c, i) => $"CAST(${i + 2} AS {context.Columns[c]})").ToList();
            if (person.HadRow)
                db.Execute($"UPDATE person_tags SET {string.Join(", ", codes.Select((c, i) => $"{SqlText.Ident(c)} = {casts[i]}"))} WHERE oneid = $1", [person.OneId, .. values]);
            else
                db.Execute($"INSERT INTO person_tags ({string.Join(", ", codes.Prepend("oneid").Select(SqlText.Ident))}) VALUES ($1, {string.Join(", ", casts)})", [person.OneId, .. values]);
            // The new intervals take the text of the stored, typed values: the same CAST a run's history uses.
            db.Execute($"""
                INSERT INTO tag_history
                SELECT tag, oneid, value, $2, NULL FROM (
                    UNPIVOT (SELECT oneid, {string.Join(", ", codes.Select(c => $"CAST({SqlText.Ident(c)} AS VARCHAR) AS {SqlText.Ident(c)}"))} FROM person_tags WHERE oneid = $1)
                    ON COLUMNS(* EXCLUDE (oneid)) INTO NAME tag VALUE value)
                WHERE value IS NOT NULL
                """, person.OneId, seq);
        }
        return runId;
    }
}
