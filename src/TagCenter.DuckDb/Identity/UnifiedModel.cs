using TagCenter.Core.Sql;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Identity;

/// <summary>
/// The fact tables (<c>fact_&lt;name&gt;</c>): every row of every source declared with <c>fact:</c>, keyed by
/// the OneID of its strongest identifier, or of its owner row (order lines take their order's person).
/// Rows that match nobody are kept with a NULL OneID and counted, never dropped.
/// </summary>
public static class UnifiedModel
{
    /// <summary>The fact tables the database holds, by name.</summary>
    public static IReadOnlyList<string> Tables(WorkspaceDatabase db) =>
        [.. db.Rows("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'fact\\_%' ESCAPE '\\' AND NOT temporary ORDER BY 1")
            .Select(r => (string)r[0]!)];

    /// <summary>The fact tables the workspace declares (<c>fact:</c> on a source).</summary>
    public static IReadOnlySet<string> Declared(WorkspaceDefinition workspace) =>
        workspace.Sources.Where(s => s.Fact is not null).Select(s => "fact_" + s.Fact).ToHashSet(StringComparer.Ordinal);

    /// <summary>Fact tables of sources no longer declared would keep feeding tags: they go. Returns their names.</summary>
    public static IReadOnlyList<string> DropUndeclared(WorkspaceDatabase db, WorkspaceDefinition workspace)
    {
        var declared = Declared(workspace);
        var orphans = Tables(db).Where(t => !declared.Contains(t)).ToList();
        foreach (var table in orphans)
            db.Execute($"DROP TABLE {SqlText.Ident(table)}");
        return orphans;
    }

    /// <param name="incremental">
    /// Keep a fact table whose sources were not re-read and update the OneIDs of its rows in <c>id_rows_changed</c>
    /// (tables built from an owner are always rebuilt: their owner's rows may have moved).
    /// </param>
    internal static IReadOnlyList<FactReport> Build(WorkspaceDatabase db, WorkspaceDefinition workspace, bool incremental = false)
    {
        var changed = incremental
            ? db.Rows("SELECT source FROM id_changed_sources").Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal)
            : [];
        var facts = workspace.Sources.Where(s => s.Fact is not null && db.TableExists(s.TableName))
            .GroupBy(s => s.Fact!)
            .OrderBy(g => g.Any(s => s.Owner is not null) ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal);
        var reports = new List<FactReport>();
        foreach (var fact in facts)
        {
            var table = SqlText.Ident("fact_" + fact.Key);
            if (incremental && db.TableExists("fact_" + fact.Key) && fact.All(s => s.Owner is null && !changed.Contains(s.Name)))
                Update(db, "fact_" + fact.Key);
            else
                db.Execute($"CREATE OR REPLACE TABLE {table} AS {string.Join("\nUNION ALL BY NAME\n", fact.Select(source => Rows(db, source)))}");
            var counts = db.Rows($"SELECT count(*), count(oneid) FROM {table}")[0];
            reports.Add(new FactReport(fact.Key, Convert.ToInt64(counts[0]), Convert.ToInt64(counts[1])));
        }
        return reports;
    }

    /// <summary>
    /// Whether rows of another fact table are keyed through a fact the appended sources feed (order lines through their
    /// order), or an appended source takes its person from an owner: such tables are rebuilt, not appended to.
    /// </summary>
    internal static bool Owns(WorkspaceDefinition workspace, IReadOnlyList<IdentityExtraction.AppendedLoad> loads)
    {
        var facts = loads.Select(l => l.Source.Fact).Where(f => f is not null).ToHashSet(StringComparer.Ordinal);
        return loads.Any(l => l.Source.Owner is not null) || workspace.Sources.Any(s => s.Owner is { } owner && facts.Contains(owner.Fact));
    }

    /// <summary>
    /// An appending identity run's facts: the new rows of the appended loads are added to their fact tables, and the
    /// rows whose owner moved (<c>id_rows_changed</c>) get their new OneIDs; a table built from an owner is rebuilt only
    /// when some identifier changed OneID. A table whose columns would differ from the appended rows' is rebuilt whole.
    /// </summary>
    internal static void Append(WorkspaceDatabase db, WorkspaceDefinition workspace, IReadOnlyList<IdentityExtraction.AppendedLoad> loads)
    {
        var moved = db.Scalar<long>("SELECT count(*) FROM id_moved") > 0;
        var facts = workspace.Sources.Where(s => s.Fact is not null && db.TableExists(s.TableName))
            .GroupBy(s => s.Fact!)
            .OrderBy(g => g.Any(s => s.Owner is not null) ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            var name = "fact_" + fact.Key;
            var table = SqlText.Ident(name);
            var appended = loads.Where(l => fact.Any(s => s.Name == l.Source.Name)).ToList();
            if (!db.TableExists(name) || (fact.Any(s => s.Owner is not null) && moved))
            {
                db.Execute($"CREATE OR REPLACE TABLE {table} AS {string.Join("\nUNION ALL BY NAME\n", fact.Select(source => Rows(db, source)))}");
                continue;
            }
            if (fact.Any(s => s.Owner is not null) || (!moved && appended.Count == 0))
                continue;
            if (moved)
                Update(db, name); // rows already in the table whose owner changed OneID; new rows come next
            var columns = db.Rows("SELECT column_name FROM duckdb_columns() WHERE table_name = $1 AND database_name <> 'temp'", name).Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
            foreach (var load in appended)
            {
                var rows = Rows(db, load.Source, $"s._load_id = {SqlText.Literal(load.LoadId)}");
                if (!db.Rows($"SELECT column_name FROM (DESCRIBE {rows})").Select(r => (string)r[0]!).All(columns.Contains))
                {
                    db.Execute($"CREATE OR REPLACE TABLE {table} AS {string.Join("\nUNION ALL BY NAME\n", fact.Select(source => Rows(db, source)))}");
                    break;
                }
                db.Execute($"INSERT INTO {table} BY NAME {rows}");
            }
        }
    }

    /// <summary>New OneIDs (the person's and other entities') for the rows whose owner moved.</summary>
    private static void Update(WorkspaceDatabase db, string name)
    {
        var table = SqlText.Ident(name);
        db.Execute($"""
            UPDATE {table} f SET oneid = r.oneid
            FROM id_rows_changed c JOIN id_rows r USING (source, line)
            WHERE c.source = f._source AND c.line = f._line
            """);
        var entities = db.Rows("SELECT column_name FROM duckdb_columns() WHERE table_name = $1 AND column_name LIKE '%\\_oneid' ESCAPE '\\' AND column_name <> 'oneid'",
            name).Select(r => (string)r[0]!).ToList();
        foreach (var column in entities)
            db.Execute($"""
                UPDATE {table} f SET {SqlText.Ident(column)} = e.oneid
                FROM id_rows_changed c JOIN id_entity_rows e USING (source, line)
                WHERE c.source = f._source AND c.line = f._line AND e.entity = {SqlText.Literal(column[..^"_oneid".Length])}
                """);
    }

    private static string Rows(WorkspaceDatabase db, SourceDefinition source, string? rows = null)
    {
        var where = rows is null ? "" : " WHERE " + rows;
        var time = source.EventTime is null ? "CAST(NULL AS TIMESTAMP)" : $"CAST(s.{SqlText.Ident(source.EventTime)} AS TIMESTAMP)";
        if (source.Owner is { } owner)
        {
            var ownerTable = SqlText.Ident("fact_" + owner.Fact);
            var key = SqlText.Ident(owner.Key);
            return db.TableExists("fact_" + owner.Fact)
                ? $"""
                  SELECT o.oneid, coalesce({time}, o.event_time) AS event_time, s.*
                  FROM {SqlText.Ident(source.TableName)} s
                  LEFT JOIN (SELECT {key}, any_value(oneid) AS oneid, min(event_time) AS event_time FROM {ownerTable} GROUP BY {key}) o USING ({key})
                  """
                : $"SELECT CAST(NULL AS VARCHAR) AS oneid, {time} AS event_time, s.* FROM {SqlText.Ident(source.TableName)} s";
        }
        // Rows that also name another entity (a sale names its store) carry that entity's id too: store_oneid.
        var others = db.Rows("SELECT DISTINCT entity FROM id_entity_rows WHERE source = $1 AND entity <> 'person' ORDER BY 1", source.Name)
            .Select(r => (string)r[0]!).ToList();
        var columns = string.Concat(others.Select(e => $", {SqlText.Ident("e_" + e)}.oneid AS {SqlText.Ident(e + "_oneid")}"));
        var joins = string.Concat(others.Select(e =>
            $" LEFT JOIN id_entity_rows {SqlText.Ident("e_" + e)} ON {SqlText.Ident("e_" + e)}.source = {SqlText.Literal(source.Name)} AND {SqlText.Ident("e_" + e)}.line = s._line AND {SqlText.Ident("e_" + e)}.entity = {SqlText.Literal(e)}"));
        return $"""
            SELECT r.oneid{columns}, {time} AS event_time, s.*
            FROM {SqlText.Ident(source.TableName)} s LEFT JOIN id_rows r ON r.source = {SqlText.Literal(source.Name)} AND r.line = s._line{joins}{where}
            """;
    }
}
