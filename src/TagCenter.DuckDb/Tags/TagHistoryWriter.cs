using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Tags;

/// <summary>
/// Records a run in <c>tag_history</c> as changes: the newly computed <c>tc_tags</c> is compared with the open
/// intervals of the tags it computed; changed and vanished values are closed, new ones opened. The open intervals
/// are what <c>person_tags</c> holds, so the comparison is one join of two wide tables on the person, and only the
/// cells that differ are turned into rows: a run that changes nothing writes nothing but its number.
/// Runs inside the caller's transaction and before <c>person_tags</c> is updated; leaves the changed cells in the
/// temporary table <c>tc_changes</c> (empty after a first run), so person_tags can be updated where they are.
/// </summary>
internal static class TagHistoryWriter
{
    public static void Record(WorkspaceDatabase db, string runId, IReadOnlyList<TagDefinition> computed, bool everything)
    {
        var seq = db.Scalar<int>("SELECT coalesce(max(seq), 0) + 1 FROM tag_run_order");
        db.Execute("INSERT INTO tag_run_order VALUES ($1, $2)", runId, seq);
        var fresh = Types(db, "tc_tags");
        var latest = db.TableExists("person_tags") ? Types(db, "person_tags") : null;
        var codes = computed.Select(t => t.Code).ToHashSet();
        if (everything)
        {
            // A tag no longer in the catalog has no value from now on. Its open intervals are person_tags' columns.
            var dropped = latest?.Keys.Where(c => c != "oneid" && !codes.Contains(c)).ToList();
            if (dropped is null)
                db.Execute($"UPDATE tag_history SET valid_to = $1 WHERE valid_to IS NULL AND tag NOT IN ({List(codes.DefaultIfEmpty(""))})", seq);
            else if (dropped.Count > 0)
                db.Execute($"UPDATE tag_history SET valid_to = $1 WHERE valid_to IS NULL AND tag IN ({List(dropped)})", seq);
        }
        db.Execute("CREATE OR REPLACE TEMP TABLE tc_changes (tag VARCHAR, oneid VARCHAR, value VARCHAR)");
        if (computed.Count == 0)
            return;

        // A tag whose column person_tags lacks (or holds with another type) is compared with its open intervals.
        var odd = computed.Where(t => latest?.GetValueOrDefault(t.Code) != fresh[t.Code]).Select(t => t.Code).ToHashSet();
        var open = odd.Count == 0 ? [] : db.Rows($"SELECT DISTINCT tag FROM tag_history WHERE valid_to IS NULL AND tag IN ({List(odd)})")
            .Select(r => (string)r[0]!).ToHashSet();
        var wide = computed.Where(t => !open.Contains(t.Code)).ToList();
        var known = latest is null ? null : wide.Where(t => !odd.Contains(t.Code)).Select(t => t.Code).ToHashSet();
        if (open.Count == 0 && (known is null || known.Count == 0))
        {
            // Nothing to close (the first run): the values go straight in.
            db.Execute($"INSERT INTO tag_history SELECT tag, oneid, value, $1, NULL FROM ({WideChanges(wide, known)}) WHERE value IS NOT NULL", seq);
            return;
        }
        if (wide.Count > 0)
            db.Execute($"INSERT INTO tc_changes {WideChanges(wide, known)}");
        foreach (var code in open)
            db.Execute($"""
                INSERT INTO tc_changes
                SELECT $1, coalesce(n.oneid, h.oneid), n.value
                FROM (SELECT oneid, CAST({SqlText.Ident(code)} AS VARCHAR) AS value FROM tc_tags WHERE {SqlText.Ident(code)} IS NOT NULL) n
                FULL JOIN (SELECT oneid, value FROM tag_history WHERE tag = $1 AND valid_to IS NULL) h ON n.oneid = h.oneid
                WHERE n.value IS DISTINCT FROM h.value
                """, code);
        db.Execute("""
            UPDATE tag_history SET valid_to = $1 FROM tc_changes c
            WHERE tag_history.valid_to IS NULL AND tag_history.tag = c.tag AND tag_history.oneid = c.oneid;
            INSERT INTO tag_history SELECT tag, oneid, value, $1, NULL FROM tc_changes WHERE value IS NOT NULL;
            """, seq);
    }

    /// <summary>
    /// The changed cells of the tags in <paramref name="tags"/>: each is a struct holding the new value (NULL when
    /// the value went away), so UNPIVOT, which skips NULL cells, keeps exactly the cells that changed.
    /// <paramref name="known"/> are the tags with a comparable column in person_tags (null: no person_tags yet).
    /// </summary>
    private static string WideChanges(IReadOnlyList<TagDefinition> tags, HashSet<string>? known)
    {
        string Old(string code) => known is not null && known.Contains(code) ? $"o.{SqlText.Ident(code)}" : "NULL";
        string Differs(string code) => $"n.{SqlText.Ident(code)} IS DISTINCT FROM {Old(code)}";
        var cells = string.Join(", ", tags.Select(t =>
            $"CASE WHEN {Differs(t.Code)} THEN struct_pack(v := CAST(n.{SqlText.Ident(t.Code)} AS VARCHAR)) END AS {SqlText.Ident(t.Code)}"));
        var from = known is null
            ? "tc_tags n"
            : "tc_tags n FULL JOIN person_tags o ON n.oneid = o.oneid";
        var oneId = known is null ? "n.oneid" : "coalesce(n.oneid, o.oneid)";
        return $"""
            SELECT tag, oneid, change.v AS value FROM (
                UNPIVOT (SELECT {oneId} AS oneid, {cells} FROM {from} WHERE {string.Join(" OR ", tags.Select(t => Differs(t.Code)))})
                ON COLUMNS(* EXCLUDE (oneid)) INTO NAME tag VALUE change)
            """;
    }

    private static string List(IEnumerable<string> codes) => string.Join(", ", codes.Select(SqlText.Literal));

    private static Dictionary<string, string> Types(WorkspaceDatabase db, string table) =>
        db.Rows($"SELECT column_name, column_type FROM (DESCRIBE {table})").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
}
