using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Identity;

/// <summary>
/// Compares the new node → OneID map with the previous run's: a OneID whose identifiers now all sit in
/// another person was <c>merged</c> into it; a OneID whose identifiers now sit in several persons was
/// <c>split</c>, and each new part records where it came from.
/// </summary>
internal static class IdentityHistory
{
    public static (long Merges, long Splits) Record(WorkspaceDatabase db, string runId, DateTime at)
    {
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE id_moves AS
            SELECT o.oneid AS old_id, n.oneid AS new_id, count(*) AS shared
            FROM identity_map o JOIN (SELECT i.type, i.value, m.oneid FROM id_nodes i JOIN id_map_new m USING (node)) n USING (type, value)
            GROUP BY ALL
            """);
        var merges = db.Execute("""
            INSERT INTO identity_history
            SELECT $1, $2, 'merged', old_id, new_id, 'its identifiers are now linked to ' || new_id || ' (' || shared || ' shared)'
            FROM id_moves
            WHERE old_id <> new_id AND old_id NOT IN (SELECT oneid FROM id_map_new)
              AND old_id IN (SELECT old_id FROM id_moves GROUP BY old_id HAVING count(*) = 1)
            """, runId, at);
        var splits = db.Execute("""
            INSERT INTO identity_history
            SELECT $1, $2, 'split', new_id, old_id,
                   CASE WHEN EXISTS (SELECT 1 FROM identity_conflicts) THEN 'links cut (limit conflicts or changed rows)' ELSE 'links removed (rows changed or values blocklisted)' END
            FROM id_moves
            WHERE old_id <> new_id AND old_id IN (SELECT old_id FROM id_moves GROUP BY old_id HAVING count(*) > 1)
            """, runId, at);
        return (merges, splits);
    }
}
