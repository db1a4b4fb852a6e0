using TagCenter.Core.Sql;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Identity;

/// <summary>
/// <c>dim_&lt;entity&gt;</c> for every entity other than person (stores, suppliers, patients...): one row per
/// resolved id, with its identifiers. They are resolved by the same graph as persons, from identifier types
/// declared with <c>entity:</c>; edges never cross entity types.
/// </summary>
internal static class OtherEntities
{
    public static void Build(WorkspaceDatabase db, WorkspaceDefinition workspace)
    {
        foreach (var entity in Resolved(workspace))
            db.Execute($"CREATE OR REPLACE TABLE {SqlText.Ident("dim_" + entity)} AS {Select("true")} ORDER BY oneid", entity);
    }

    /// <summary>Rewrites only the ids in <c>id_touched_oneids</c> (an appending identity run).</summary>
    public static void Update(WorkspaceDatabase db, WorkspaceDefinition workspace)
    {
        const string Touched = "oneid IN (SELECT oneid FROM id_touched_oneids)";
        foreach (var entity in Resolved(workspace))
        {
            var table = SqlText.Ident("dim_" + entity);
            if (!db.TableExists("dim_" + entity))
            {
                db.Execute($"CREATE OR REPLACE TABLE {table} AS {Select("true")} ORDER BY oneid", entity);
                continue;
            }
            db.Execute($"DELETE FROM {table} WHERE {Touched}");
            db.Execute($"INSERT INTO {table} {Select(Touched)}", entity);
        }
    }

    private static IEnumerable<string> Resolved(WorkspaceDefinition workspace) =>
        workspace.Entities.Where(e => e.Name != "person" && workspace.Identifiers.Any(i => i.Entity == e.Name)).Select(e => e.Name);

    private static string Select(string condition) => $"""
        SELECT oneid, count(*) AS identifiers, min(first_seen) AS first_seen,
               string_agg(type || ':' || value, ', ' ORDER BY type, value) AS identified_by
        FROM identity_map WHERE entity = $1 AND {condition} GROUP BY oneid
        """;
}
