using TagCenter.Core.Sql;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Identity;

/// <summary>
/// Builds the graph's tables from the loaded sources: every cleansed identifier value in every row
/// (<c>id_occurrences</c>), blocklisted values set aside (<c>id_blocked</c>), one node per distinct value in
/// stable (type, value) order (<c>id_nodes</c>), and an edge per pair of identifiers of the same entity type in
/// the same row (a sale names a person and a store; it does not make them one).
/// </summary>
internal static class IdentityExtraction
{
    public static void Run(WorkspaceDatabase db, WorkspaceDefinition workspace)
    {
        var identity = workspace.Identity;
        var parts = new List<string>();
        foreach (var source in workspace.Sources.Where(s => db.TableExists(s.TableName)))
        {
            var seen = source.EventTime is null ? "CAST(NULL AS TIMESTAMP)" : $"CAST({SqlText.Ident(source.EventTime)} AS TIMESTAMP)";
            foreach (var column in source.Columns.Where(c => c.Identifier is not null))
                parts.Add($"""
                    SELECT {SqlText.Literal(source.Name)} AS source, _line AS line, {seen} AS seen_at,
                           {SqlText.Literal(column.Identifier!)} AS type, CAST({SqlText.Ident(column.Name)} AS VARCHAR) AS value,
                           {SqlText.Literal(workspace.Identifiers.First(i => i.Name == column.Identifier).Entity)} AS entity
                    FROM {SqlText.Ident(source.TableName)} WHERE {SqlText.Ident(column.Name)} IS NOT NULL
                    """);
        }
        var all = parts.Count == 0
            ? "SELECT NULL::VARCHAR AS source, NULL::BIGINT AS line, NULL::TIMESTAMP AS seen_at, NULL::VARCHAR AS type, NULL::VARCHAR AS value, NULL::VARCHAR AS entity WHERE false"
            : string.Join("\nUNION ALL\n", parts);
        var blocked = Blocked(identity);
        db.Execute($"CREATE OR REPLACE TEMP TABLE id_all AS {all}");
        db.Execute($"CREATE OR REPLACE TABLE id_blocked AS SELECT type, value, count(*) AS occurrences FROM id_all WHERE {blocked} GROUP BY ALL");
        db.Execute($"""
            CREATE OR REPLACE TABLE id_nodes AS
            SELECT (row_number() OVER (ORDER BY type, value) - 1)::INTEGER AS node, type, value, any_value(entity) AS entity,
                   min(seen_at) AS first_seen, count(*) AS occurrences
            FROM id_all WHERE NOT ({blocked}) GROUP BY type, value
            """);
        db.Execute("""
            CREATE OR REPLACE TABLE id_occurrences AS
            SELECT a.source, a.line, a.seen_at, n.node, n.entity FROM id_all a JOIN id_nodes n USING (type, value)
            """);
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE id_edges AS
            SELECT DISTINCT a.node AS a, b.node AS b
            FROM id_occurrences a JOIN id_occurrences b ON a.source = b.source AND a.line = b.line AND a.node < b.node AND a.entity = b.entity
            """);
        db.Execute("DROP TABLE IF EXISTS temp.id_all");
    }

    private static string Blocked(IdentityDefinition identity)
    {
        var conditions = new List<string>();
        if (identity.Blocklist.Count > 0)
            conditions.Add($"value IN ({string.Join(", ", identity.Blocklist.Select(SqlText.Literal))})");
        conditions.AddRange(identity.BlocklistPatterns.Select(p => $"regexp_matches(value, {SqlText.Literal(p)})"));
        return conditions.Count == 0 ? "false" : string.Join(" OR ", conditions);
    }
}
