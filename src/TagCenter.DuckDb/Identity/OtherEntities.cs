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
        foreach (var entity in workspace.Entities.Where(e => e.Name != "person" && workspace.Identifiers.Any(i => i.Entity == e.Name)))
            db.Execute($"""
                CREATE OR REPLACE TABLE {SqlText.Ident("dim_" + entity.Name)} AS
                SELECT oneid, count(*) AS identifiers, min(first_seen) AS first_seen,
                       string_agg(type || ':' || value, ', ' ORDER BY type, value) AS identified_by
                FROM identity_map WHERE entity = $1 GROUP BY oneid ORDER BY oneid
                """, entity.Name);
    }
}
