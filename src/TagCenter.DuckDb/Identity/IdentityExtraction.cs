using System.Security.Cryptography;
using System.Text;
using TagCenter.Core.Sql;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Identity;

/// <summary>
/// Keeps the graph's tables in step with the loaded sources, re-reading only the sources whose load (or
/// whose identifier columns, or the blocklist) changed since they were last read:
/// <list type="bullet">
/// <item><c>id_dict(node, type, value, entity)</c>: every identifier value ever seen; node numbers only grow, so
/// kept rows stay valid (the resolver orders nodes by type and value, never by number);</item>
/// <item>per source: <c>id_occurrences</c> (every cleansed identifier in every row), <c>id_source_edges</c> (pairs of
/// identifiers of the same entity type in one row) and <c>id_source_blocked</c>, with <c>id_extracted</c> saying which
/// load each was read from;</item>
/// <item><c>id_nodes</c>: the values seen now, with their first sighting and count, re-aggregated only for the
/// values the re-read sources hold.</item>
/// </list>
/// What changed is left in <c>id_changed_nodes(node)</c> and <c>id_changed_edges(a, b)</c> for the incremental scope.
/// </summary>
internal static partial class IdentityExtraction
{
    public static void Ensure(WorkspaceDatabase db) => db.Execute("""
        CREATE TABLE IF NOT EXISTS id_dict (node INTEGER, type VARCHAR, value VARCHAR, entity VARCHAR);
        CREATE TABLE IF NOT EXISTS id_extracted (source VARCHAR, load_id VARCHAR, signature VARCHAR);
        CREATE TABLE IF NOT EXISTS id_occurrences (source VARCHAR, line BIGINT, seen_at TIMESTAMP, node INTEGER, entity VARCHAR);
        CREATE TABLE IF NOT EXISTS id_source_edges (source VARCHAR, a INTEGER, b INTEGER);
        CREATE TABLE IF NOT EXISTS id_source_blocked (source VARCHAR, type VARCHAR, value VARCHAR, occurrences BIGINT);
        CREATE TABLE IF NOT EXISTS id_nodes (node INTEGER, type VARCHAR, value VARCHAR, entity VARCHAR, first_seen TIMESTAMP, occurrences BIGINT);
        """);

    /// <summary>Whether the tables were built by this extraction (an older workspace needs one full run first).</summary>
    public static bool Current(WorkspaceDatabase db) =>
        db.TableExists("id_extracted") && db.TableExists("id_source_edges") && db.Scalar<long>("SELECT count(*) FROM id_extracted") > 0;

    /// <param name="all">Re-read every source (a full run); otherwise only those that changed.</param>
    /// <returns>How many sources were read.</returns>
    public static int Run(WorkspaceDatabase db, WorkspaceDefinition workspace, bool all)
    {
        if (all)
            db.Execute("""
                DELETE FROM id_extracted; DELETE FROM id_occurrences; DELETE FROM id_source_edges; DELETE FROM id_source_blocked; DELETE FROM id_nodes;
                """);
        var blocked = Blocked(workspace.Identity);
        var wanted = workspace.Sources.Where(s => db.TableExists(s.TableName)).Select(s =>
        {
            var select = Select(workspace, s);
            return (Source: s.Name, Select: select, LoadId: LoadId(db, s.Name), Signature: Hash(select + "\n" + blocked));
        }).ToList();
        var extracted = db.Rows("SELECT source, load_id, signature FROM id_extracted")
            .ToDictionary(r => (string)r[0]!, r => ((string?)r[1], (string)r[2]!));
        var stale = wanted.Where(w => w.LoadId is null || !extracted.TryGetValue(w.Source, out var e) || e != (w.LoadId, w.Signature)).ToList();
        var changed = stale.Select(w => w.Source).Concat(extracted.Keys.Except(wanted.Select(w => w.Source))).Distinct().ToList();

        db.Execute("CREATE OR REPLACE TEMP TABLE id_changed_sources (source VARCHAR)");
        using (var appender = db.Connection.CreateAppender("id_changed_sources"))
            foreach (var source in changed)
                appender.CreateRow().AppendValue(source).EndRow();
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE id_old_edges AS SELECT DISTINCT a, b FROM id_source_edges WHERE source IN (SELECT source FROM id_changed_sources);
            CREATE OR REPLACE TEMP TABLE id_changed_nodes AS SELECT DISTINCT node FROM id_occurrences WHERE source IN (SELECT source FROM id_changed_sources);
            DELETE FROM id_occurrences WHERE source IN (SELECT source FROM id_changed_sources);
            DELETE FROM id_source_edges WHERE source IN (SELECT source FROM id_changed_sources);
            DELETE FROM id_source_blocked WHERE source IN (SELECT source FROM id_changed_sources);
            DELETE FROM id_extracted WHERE source IN (SELECT source FROM id_changed_sources);
            """);

        var all_ = stale.Count == 0
            ? "SELECT NULL::VARCHAR AS source, NULL::BIGINT AS line, NULL::TIMESTAMP AS seen_at, NULL::VARCHAR AS type, NULL::VARCHAR AS value, NULL::VARCHAR AS entity WHERE false"
            : string.Join("\nUNION ALL\n", stale.Select(w => w.Select));
        db.Execute($"CREATE OR REPLACE TEMP TABLE id_all AS {all_}");
        db.Execute($"INSERT INTO id_source_blocked SELECT source, type, value, count(*) FROM id_all WHERE {blocked} GROUP BY ALL");
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
            INSERT INTO id_source_edges
            SELECT DISTINCT a.source, a.node, b.node
            FROM id_new_occurrences a JOIN id_new_occurrences b ON a.source = b.source AND a.line = b.line AND a.node < b.node AND a.entity = b.entity;
            INSERT INTO id_changed_nodes SELECT DISTINCT node FROM id_new_occurrences;
            """);
        using (var appender = db.Connection.CreateAppender("id_extracted"))
            foreach (var w in stale)
                appender.CreateRow().AppendValue(w.Source).AppendValue(w.LoadId).AppendValue(w.Signature).EndRow();

        // An edge changed if the changed sources gained or lost it and no other source has it.
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE id_changed_edges AS
            WITH now AS (SELECT DISTINCT a, b FROM id_source_edges WHERE source IN (SELECT source FROM id_changed_sources)),
            delta AS ((SELECT * FROM id_old_edges EXCEPT SELECT * FROM now) UNION (SELECT * FROM now EXCEPT SELECT * FROM id_old_edges))
            SELECT d.a, d.b FROM delta d ANTI JOIN (
                SELECT a, b FROM id_source_edges WHERE source NOT IN (SELECT source FROM id_changed_sources)) o ON o.a = d.a AND o.b = d.b
            """);
        db.Execute("""
            DELETE FROM id_nodes WHERE node IN (SELECT node FROM id_changed_nodes);
            INSERT INTO id_nodes
            SELECT o.node, d.type, d.value, d.entity, min(o.seen_at), count(*)
            FROM id_occurrences o JOIN id_dict d USING (node)
            WHERE o.node IN (SELECT node FROM id_changed_nodes) GROUP BY ALL;
            CREATE OR REPLACE TABLE id_blocked AS SELECT type, value, sum(occurrences)::BIGINT AS occurrences FROM id_source_blocked GROUP BY ALL;
            DROP TABLE IF EXISTS temp.id_all; DROP TABLE IF EXISTS temp.id_new_occurrences; DROP TABLE IF EXISTS temp.id_old_edges;
            """);
        return stale.Count;
    }

    private static string Select(WorkspaceDefinition workspace, SourceDefinition source, string? rows = null)
    {
        var seen = source.EventTime is null ? "CAST(NULL AS TIMESTAMP)" : $"CAST({SqlText.Ident(source.EventTime)} AS TIMESTAMP)";
        var parts = source.Columns.Where(c => c.Identifier is not null).Select(column => $"""
            SELECT {SqlText.Literal(source.Name)} AS source, _line AS line, {seen} AS seen_at,
                   {SqlText.Literal(column.Identifier!)} AS type, CAST({SqlText.Ident(column.Name)} AS VARCHAR) AS value,
                   {SqlText.Literal(workspace.Identifiers.First(i => i.Name == column.Identifier).Entity)} AS entity
            FROM {SqlText.Ident(source.TableName)} WHERE {SqlText.Ident(column.Name)} IS NOT NULL{(rows is null ? "" : " AND " + rows)}
            """).ToList();
        return parts.Count == 0
            ? $"SELECT {SqlText.Literal(source.Name)} AS source, NULL::BIGINT AS line, NULL::TIMESTAMP AS seen_at, NULL::VARCHAR AS type, NULL::VARCHAR AS value, NULL::VARCHAR AS entity WHERE false"
            : string.Join("\nUNION ALL\n", parts);
    }

    /// <summary>The load the source table holds now (the last successful one).</summary>
    private static string? LoadId(WorkspaceDatabase db, string source) =>
        db.Scalar<string>("SELECT load_id FROM loads WHERE source = $1 AND status = 'loaded' ORDER BY finished_at DESC, load_id DESC LIMIT 1", source);

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    private static string Blocked(IdentityDefinition identity)
    {
        var conditions = new List<string>();
        if (identity.Blocklist.Count > 0)
            conditions.Add($"value IN ({string.Join(", ", identity.Blocklist.Select(SqlText.Literal))})");
        conditions.AddRange(identity.BlocklistPatterns.Select(p => $"regexp_matches(value, {SqlText.Literal(p)})"));
        return conditions.Count == 0 ? "false" : string.Join(" OR ", conditions);
    }
}
