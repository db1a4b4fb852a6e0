using TagCenter.Core.Sql;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Identity;

/// <summary>
/// <c>dim_person</c>: one row per OneID with each golden attribute chosen by its survivorship rule, and for
/// each the source and line the value came from (<c>&lt;attribute&gt;__source</c>, <c>&lt;attribute&gt;__line</c>).
/// </summary>
internal static class GoldenRecord
{
    public static void Build(WorkspaceDatabase db, WorkspaceDefinition workspace) =>
        db.Execute($"CREATE OR REPLACE TABLE dim_person AS {Query(db, workspace, null).Sql} ORDER BY oneid");

    /// <summary>
    /// Rewrites the records of the persons in <c>id_touched_oneids</c> only (an appending identity run: the rest did not
    /// change); the whole table when its columns are not the ones the definitions give now. Returns how many were rewritten.
    /// </summary>
    public static long Update(WorkspaceDatabase db, WorkspaceDefinition workspace)
    {
        const string Touched = "oneid IN (SELECT oneid FROM id_touched_oneids)";
        var (sql, columns) = Query(db, workspace, Touched);
        var existing = db.Rows("SELECT column_name FROM duckdb_columns() WHERE table_name = 'dim_person' AND database_name <> 'temp' ORDER BY column_index")
            .Select(r => (string)r[0]!).ToList();
        if (!existing.SequenceEqual(columns))
        {
            Build(db, workspace);
            return db.Scalar<long>("SELECT count(*) FROM dim_person");
        }
        db.Execute($"DELETE FROM dim_person WHERE {Touched}");
        db.Execute($"INSERT INTO dim_person BY NAME {sql}");
        return db.Scalar<long>("SELECT count(*) FROM id_touched_oneids");
    }

    /// <summary>The records (of the persons <paramref name="persons"/> selects by <c>oneid</c>, or all), and their column names.</summary>
    private static (string Sql, List<string> Columns) Query(WorkspaceDatabase db, WorkspaceDefinition workspace, string? persons)
    {
        var names = new List<string> { "oneid", "identifiers", "first_seen" };
        var joins = new List<string>();
        var columns = new List<string>();
        // Each source table looked up once, not once per golden field that reads it.
        var loaded = workspace.Identity.Golden.SelectMany(f => f.From).Select(f => f.Source).Distinct(StringComparer.Ordinal)
            .Where(s => db.TableExists(workspace.FindSource(s)!.TableName)).ToHashSet(StringComparer.Ordinal);
        foreach (var field in workspace.Identity.Golden)
        {
            var candidates = Candidates(workspace, loaded, field, persons is null ? "" : " AND r." + persons);
            if (candidates is null)
                continue;
            var alias = SqlText.Ident("g_" + field.Name);
            joins.Add($"""
                LEFT JOIN (SELECT oneid, value, source, line FROM ({candidates})
                           QUALIFY row_number() OVER (PARTITION BY oneid ORDER BY {Order(field.Rule)}) = 1) {alias} USING (oneid)
                """);
            columns.Add($"{alias}.value AS {SqlText.Ident(field.Name)}, {alias}.source AS {SqlText.Ident(field.Name + "__source")}, {alias}.line AS {SqlText.Ident(field.Name + "__line")}");
            names.AddRange([field.Name, field.Name + "__source", field.Name + "__line"]);
        }
        return ($"""
            SELECT p.oneid, p.identifiers, p.first_seen{string.Concat(columns.Select(c => ", " + c))}
            FROM (SELECT oneid, count(*) AS identifiers, min(first_seen) AS first_seen FROM identity_map
                  WHERE entity = 'person'{(persons is null ? "" : " AND " + persons)} GROUP BY oneid) p
            {string.Join("\n", joins)}
            """, names);
    }

    private static string? Candidates(WorkspaceDefinition workspace, IReadOnlySet<string> loaded, GoldenField field, string persons)
    {
        var parts = field.From.Select((f, priority) => (f, priority))
            .Where(p => loaded.Contains(p.f.Source))
            .Select(p =>
            {
                var source = workspace.FindSource(p.f.Source)!;
                var seen = source.EventTime is null ? "CAST(NULL AS TIMESTAMP)" : $"CAST(s.{SqlText.Ident(source.EventTime)} AS TIMESTAMP)";
                return $"""
                    SELECT r.oneid, s.{SqlText.Ident(p.f.Column)} AS value, {SqlText.Literal(source.Name)} AS source, s._line AS line,
                           {seen} AS seen_at, {p.priority} AS priority
                    FROM {SqlText.Ident(source.TableName)} s JOIN id_rows r ON r.source = {SqlText.Literal(source.Name)} AND r.line = s._line
                    WHERE s.{SqlText.Ident(p.f.Column)} IS NOT NULL{persons}
                    """;
            }).ToList();
        if (parts.Count == 0)
            return null;
        var union = string.Join("\nUNION ALL BY NAME\n", parts);
        return field.Rule == SurvivorshipRule.MostFrequent
            ? $"SELECT *, count(*) OVER (PARTITION BY oneid, value) AS frequency FROM ({union})"
            : union;
    }

    private static string Order(SurvivorshipRule rule) => rule switch
    {
        SurvivorshipRule.SourcePriority => "priority, seen_at DESC NULLS LAST, line",
        SurvivorshipRule.MostRecent => "seen_at DESC NULLS LAST, priority, line",
        SurvivorshipRule.MostFrequent => "frequency DESC, seen_at DESC NULLS LAST, priority, line",
        SurvivorshipRule.FirstNonEmpty => "seen_at ASC NULLS LAST, priority, line",
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };
}
