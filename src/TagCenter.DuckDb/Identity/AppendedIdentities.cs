using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Identity;

/// <summary>
/// The steps of an appending identity run (<see cref="IdentityRunner.AppendInTransaction"/>) that differ from an
/// incremental one: <c>identity_map</c> rewritten for the re-resolved nodes only (and the sighting counts of the nodes
/// the new rows hold), the persons whose records must follow listed in <c>id_touched_oneids</c>, and the run's figures
/// carried on from the previous run instead of counted over every table.
/// </summary>
internal static class AppendedIdentities
{
    /// <summary>Call after <see cref="RowOwners.NoteMoves"/>: the previous map is still what it was.</summary>
    public static void ReplaceMap(WorkspaceDatabase db) => db.Execute("""
        CREATE OR REPLACE TEMP TABLE id_touched_nodes AS SELECT node FROM id_affected UNION SELECT node FROM id_changed_nodes;
        CREATE OR REPLACE TEMP TABLE id_touched_oneids AS
        SELECT oneid FROM identity_map WHERE node IN (SELECT node FROM id_touched_nodes)
        UNION SELECT oneid FROM id_map_new;
        DELETE FROM identity_map WHERE node IN (SELECT node FROM id_affected);
        INSERT INTO identity_map
        SELECT n.node, n.type, n.value, m.oneid, m.cluster, n.first_seen, n.occurrences, n.entity
        FROM id_nodes n JOIN id_map_new m USING (node);
        UPDATE identity_map SET first_seen = n.first_seen, occurrences = n.occurrences
        FROM id_nodes n WHERE identity_map.node = n.node AND n.node IN (SELECT node FROM id_changed_nodes);
        INSERT INTO id_touched_oneids
        SELECT oneid FROM identity_map WHERE node IN (SELECT node FROM id_touched_nodes)
        EXCEPT SELECT oneid FROM id_touched_oneids;
        """);

    /// <summary>Records the run with its figures: the previous run's, moved on by what this one added.</summary>
    public static IdentityRunReport Finish(WorkspaceDatabase db, string runId, DateTime at, long merges, long splits, TimeSpan elapsed)
    {
        var previous = db.Rows("SELECT identifiers, edges, largest_person FROM identity_runs ORDER BY run_at DESC, run_id DESC LIMIT 1");
        var (lastEdges, lastLargest) = previous.Count == 0 ? (0L, 0) : (Convert.ToInt64(previous[0][1]), Convert.ToInt32(previous[0][2]));
        var nodes = db.Scalar<long>("SELECT count(*) FROM id_nodes");
        var edges = lastEdges + db.Scalar<long>("SELECT count(*) FROM id_changed_edges");
        var persons = db.Scalar<long>("SELECT count(*) FROM dim_person");
        var conflicts = db.Scalar<long>("SELECT count(*) FROM identity_conflicts");
        var blocked = db.Scalar<long>("SELECT coalesce(sum(occurrences), 0)::BIGINT FROM id_blocked");
        // A person only grows by appended rows, unless conflicts cut one: the largest is the old one or a re-resolved one.
        var largest = Math.Max(lastLargest, (int)db.Scalar<long>("""
            SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM identity_map WHERE oneid IN (SELECT oneid FROM id_map_new) GROUP BY oneid)
            """));
        db.Execute("INSERT INTO identity_runs VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            runId, at, nodes, edges, persons, conflicts, blocked, merges, splits, largest);
        db.Execute("DROP TABLE IF EXISTS temp.id_touched_nodes");
        return new IdentityRunReport(runId, nodes, edges, persons, conflicts, blocked, merges, splits, largest, [], elapsed);
    }
}
