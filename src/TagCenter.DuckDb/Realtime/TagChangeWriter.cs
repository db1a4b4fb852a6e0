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
        var list = OneIdList.In(ids.Count);
        db.Execute("CREATE OR REPLACE TEMP TABLE rt_cells (oneid VARCHAR, tag VARCHAR)");
        db.Execute($"CREATE OR REPLACE TEMP TABLE rt_rows AS SELECT * FROM person_tags WHERE oneid {list}", [.. ids]);
        // One statement per kind of change, not per person: a batch's cost must not grow by a round trip per person.
        var gone = changed.Where(u => !u.Present).Select(u => u.OneId).ToList();
        foreach (var part in gone.Chunk(ChunkSize))
        {
            var parts = OneIdList.In(part.Length);
            db.Execute($"DELETE FROM rt_rows WHERE oneid {parts}", [.. part]);
            db.Execute($"INSERT INTO rt_cells SELECT oneid, tag FROM tag_history WHERE oneid {parts} AND valid_to IS NULL", [.. part]);
        }
        foreach (var group in changed.Where(u => u.Present).GroupBy(u => (u.HadRow, Codes: string.Join("\n", u.Changed.Keys.Order(StringComparer.Ordinal)))))
        {
            var codes = group.First().Changed.Keys.Order(StringComparer.Ordinal).ToList();
            foreach (var part in group.Chunk(Math.Max(1, ChunkSize / (codes.Count + 1))))
                WriteRows(db, context, codes, group.Key.HadRow, part);
        }
        using (var cells = db.Connection.CreateAppender("rt_cells"))
            foreach (var person in changed.Where(u => u.Present))
                foreach (var code in person.Changed.Keys)
                    cells.CreateRow().AppendValue(person.OneId).AppendValue(code).EndRow();
        db.Execute("""
            UPDATE tag_history SET valid_to = $1 FROM rt_cells c
            WHERE tag_history.valid_to IS NULL AND tag_history.oneid = c.oneid AND tag_history.tag = c.tag
            """, seq);
        db.Execute($"DELETE FROM person_tags WHERE oneid {list}", [.. ids]);
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

    /// <summary>Bound parameters per statement at most (persons × values).</summary>
    private const int ChunkSize = 1000;

    /// <summary>
    /// The new values of persons that changed the same tags: one UPDATE of their rows (or one INSERT of rows for
    /// persons without one), each value cast to its column's type as a parameter.
    /// </summary>
    private static void WriteRows(WorkspaceDatabase db, RealtimeContext context, List<string> codes, bool hadRow, PersonUpdate[] persons)
    {
        var parameters = new List<object?>(persons.Length * (codes.Count + 1));
        var rows = new List<string>(persons.Length);
        foreach (var person in persons)
        {
            parameters.Add(person.OneId);
            var cells = new List<string> { "$" + parameters.Count };
            foreach (var code in codes)
            {
                parameters.Add(person.Changed[code]);
                cells.Add($"CAST(${parameters.Count} AS {context.Columns[code]})");
            }
            rows.Add("(" + string.Join(", ", cells) + ")");
        }
        var names = codes.Select(SqlText.Ident).ToList();
        if (hadRow)
            db.Execute($"""
                UPDATE rt_rows SET {string.Join(", ", names.Select(n => $"{n} = v.{n}"))}
                FROM (VALUES {string.Join(", ", rows)}) v(oneid, {string.Join(", ", names)}) WHERE rt_rows.oneid = v.oneid
                """, [.. parameters]);
        else
            db.Execute($"INSERT INTO rt_rows (oneid, {string.Join(", ", names)}) VALUES {string.Join(", ", rows)}", [.. parameters]);
    }
}
