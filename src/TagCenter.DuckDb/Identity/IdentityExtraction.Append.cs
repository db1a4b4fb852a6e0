using TagCenter.Core.Sql;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Identity;

/// <summary>
/// Extraction of rows appended to a source (a batch of events from the server's log) without re-reading the source:
/// only the rows of the new load are read, their identifiers, edges and blocked values are added, and the counts of
/// the nodes they hold move on. What changed is left where <see cref="Run"/> leaves it (<c>id_changed_nodes</c>,
/// <c>id_changed_edges</c>, an empty <c>id_changed_sources</c>), plus <c>id_appended_rows(source, line)</c>, so the
/// incremental scope and the steps after it work on the new rows alone. Only when the rest of the source is already
/// extracted under the same definitions: otherwise it does nothing and says so (the caller runs a normal incremental run).
/// </summary>
internal static partial class IdentityExtraction
{
    /// <summary>One appended load: the source and the load id its new rows carry in <c>_load_id</c>.</summary>
    public readonly record struct AppendedLoad(SourceDefinition Source, string LoadId);

    /// <returns>False (and nothing written) when a source is not extracted up to the load before, or under other definitions.</returns>
    public static bool Append(WorkspaceDatabase db, WorkspaceDefinition workspace, IReadOnlyList<AppendedLoad> loads)
    {
        var blocked = Blocked(workspace.Identity);
        var extracted = db.Rows("SELECT source, load_id, signature FROM id_extracted")
            .ToDictionary(r => (string)r[0]!, r => ((string?)r[1], (string)r[2]!));
        var batch = loads.Select(l => l.LoadId).ToList();
        foreach (var load in loads)
        {
            var before = db.Scalar<string>($"""
                SELECT load_id FROM loads WHERE source = $1 AND status = 'loaded' AND load_id NOT IN ({string.Join(", ", batch.Select(SqlText.Literal))})
                ORDER BY finished_at DESC, load_id DESC LIMIT 1
                """, load.Source.Name);
            if (!extracted.TryGetValue(load.Source.Name, out var e) || e != (before, Hash(Select(workspace, load.Source) + "\n" + blocked))
                || LoadId(db, load.Source.Name) != load.LoadId)
                return false;
        }

        db.Execute("CREATE OR REPLACE TEMP TABLE id_changed_sources (source VARCHAR)");
        var parts = loads.Select(l => $"SELECT * FROM ({Select(workspace, l.Source, $"_load_id = {SqlText.Literal(l.LoadId)}")})");
        db.Execute($"CREATE OR REPLACE TEMP TABLE id_all AS {string.Join("\nUNION ALL\n", parts)}");
        db.Execute($"INSERT INTO id_source_blocked SELECT source, type, value, count(*) FROM id_all WHERE {blocked} GROUP BY ALL");
        var anyBlocked = db.Scalar<long>($"SELECT count(*) FROM id_all WHERE {blocked}") > 0;
        db.Execute($"DELETE FROM id_all WHERE {blocked}");
        db.Execute("""
            INSERT INTO id_dict
            SELECT (coalesce((SELECT max(node) FROM id_dict), -1) + row_number() OVER (ORDER BY type, value))::INTEGER, type, value, entity
            FROM (SELECT type, value, any_value(entity) AS entity FROM id_all a WHERE NOT EXISTS (
                SELECT 1 FROM id_dict d WHERE d.type = a.type AND d.value = a.value) GROUP BY type, value)
            """);
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE id_new_occurrences AS
            SELECT a.source, a.line, a.seen_at, d.node, d.entity FROM id_all a JOIN id_dict d USING (type, value);
            INSERT INTO id_occurrences SELECT * FROM id_new_occurrences;
            CREATE OR REPLACE TEMP TABLE id_appended_rows AS SELECT DISTINCT source, line FROM id_new_occurrences;
            CREATE OR REPLACE TEMP TABLE id_new_edges AS
            SELECT DISTINCT a.source, a.node AS a, b.node AS b
            FROM id_new_occurrences a JOIN id_new_occurrences b ON a.source = b.source AND a.line = b.line AND a.node < b.node AND a.entity = b.entity;
            CREATE OR REPLACE TEMP TABLE id_changed_edges AS
            SELECT DISTINCT e.a, e.b FROM id_new_edges e ANTI JOIN id_source_edges o ON o.a = e.a AND o.b = e.b;
            INSERT INTO id_source_edges
            SELECT e.* FROM id_new_edges e ANTI JOIN id_source_edges o ON o.source = e.source AND o.a = e.a AND o.b = e.b;
            CREATE OR REPLACE TEMP TABLE id_changed_nodes AS SELECT DISTINCT node FROM id_new_occurrences;
            CREATE OR REPLACE TEMP TABLE id_node_delta AS SELECT node, min(seen_at) AS first_seen, count(*) AS n FROM id_new_occurrences GROUP BY node;
            UPDATE id_nodes SET occurrences = id_nodes.occurrences + d.n,
                first_seen = CASE WHEN d.first_seen IS NULL THEN id_nodes.first_seen WHEN id_nodes.first_seen IS NULL THEN d.first_seen
                                  ELSE least(id_nodes.first_seen, d.first_seen) END
            FROM id_node_delta d WHERE id_nodes.node = d.node;
            INSERT INTO id_nodes
            SELECT d.node, t.type, t.value, t.entity, d.first_seen, d.n FROM id_node_delta d JOIN id_dict t USING (node)
            WHERE d.node NOT IN (SELECT node FROM id_nodes);
            DROP TABLE IF EXISTS temp.id_all; DROP TABLE IF EXISTS temp.id_new_occurrences; DROP TABLE IF EXISTS temp.id_new_edges; DROP TABLE IF EXISTS temp.id_node_delta;
            """);
        if (anyBlocked)
            db.Execute("CREATE OR REPLACE TABLE id_blocked AS SELECT type, value, sum(occurrences)::BIGINT AS occurrences FROM id_source_blocked GROUP BY ALL");
        foreach (var load in loads)
            db.Execute("UPDATE id_extracted SET load_id = $2 WHERE source = $1", load.Source.Name, load.LoadId);
        return true;
    }
}
