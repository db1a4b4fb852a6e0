using TagCenter.Core.Identity;
using TagCenter.Core.Sql;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Identity;

/// <summary>
/// Every source row's person (the one its strongest identifier belongs to) in <c>id_rows</c>, and its other
/// entities in <c>id_entity_rows</c>. An incremental run recomputes only the rows of re-read sources and the
/// rows holding an identifier whose OneID moved; those rows are left in <c>id_rows_changed(source, line)</c>.
/// </summary>
internal static class RowOwners
{
    /// <summary>Call before <c>identity_map</c> is replaced: which re-resolved nodes changed OneID.</summary>
    public static void NoteMoves(WorkspaceDatabase db) => db.Execute("""
        CREATE OR REPLACE TEMP TABLE id_moved AS
        SELECT m.node FROM id_map_new m LEFT JOIN identity_map o USING (node)
        WHERE m.node IN (SELECT node FROM id_affected) AND o.oneid IS DISTINCT FROM m.oneid
        """);

    /// <param name="appended">Also recompute the rows in <c>id_appended_rows</c> (rows appended to a source, see <see cref="IdentityExtraction.Append"/>).</param>
    public static void Build(WorkspaceDatabase db, IReadOnlyList<IdentifierTypeRule> rules, bool incremental, bool appended = false)
    {
        var priorities = string.Join(", ", rules.Select(r => $"({SqlText.Literal(r.Name)}, {r.Priority})"));
        var select = $"""
            SELECT o.source, o.line, m.entity, arg_min(m.oneid, p.priority * 4294967296 + m.node) AS oneid
            FROM id_occurrences o JOIN identity_map m USING (node)
            JOIN (VALUES {priorities}) p(type, priority) ON p.type = m.type
            """;
        if (!incremental || !db.TableExists("id_entity_rows"))
        {
            db.Execute($"CREATE OR REPLACE TABLE id_entity_rows AS {select} GROUP BY o.source, o.line, m.entity");
            db.Execute("CREATE OR REPLACE TABLE id_rows AS SELECT source, line, oneid FROM id_entity_rows WHERE entity = 'person'");
            db.Execute("CREATE OR REPLACE TEMP TABLE id_rows_changed AS SELECT DISTINCT source, line FROM id_entity_rows");
            return;
        }
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE id_rows_changed AS
            SELECT DISTINCT source, line FROM id_occurrences
            WHERE node IN (SELECT node FROM id_moved) AND source NOT IN (SELECT source FROM id_changed_sources)
            """);
        if (appended)
            db.Execute("INSERT INTO id_rows_changed SELECT source, line FROM id_appended_rows EXCEPT SELECT source, line FROM id_rows_changed");
        const string Stale = """
            source IN (SELECT source FROM id_changed_sources)
            OR EXISTS (SELECT 1 FROM id_rows_changed c WHERE c.source = t.source AND c.line = t.line)
            """;
        // Appended rows alone (no identifier changed OneID) are new: nothing of theirs to delete.
        if (!appended || db.Scalar<long>("SELECT count(*) FROM id_moved") > 0)
        {
            db.Execute($"DELETE FROM id_entity_rows t WHERE {Stale}");
            db.Execute($"DELETE FROM id_rows t WHERE {Stale}");
        }
        // The stale rows are gone, so the rows recomputed here are all that match: id_rows takes them from the small
        // temp table instead of a scan of every row ever owned.
        db.Execute($"""
            CREATE OR REPLACE TEMP TABLE id_entity_rows_new AS
            {select}
            WHERE o.source IN (SELECT source FROM id_changed_sources)
               OR EXISTS (SELECT 1 FROM id_rows_changed c WHERE c.source = o.source AND c.line = o.line)
            GROUP BY o.source, o.line, m.entity;
            INSERT INTO id_entity_rows SELECT * FROM id_entity_rows_new;
            INSERT INTO id_rows SELECT source, line, oneid FROM id_entity_rows_new WHERE entity = 'person';
            DROP TABLE temp.id_entity_rows_new;
            """);
    }
}
