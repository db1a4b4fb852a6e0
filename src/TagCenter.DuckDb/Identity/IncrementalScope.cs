using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Identity;

/// <summary>
/// Which nodes an incremental run must re-resolve: every node of every previous cluster that gained or lost
/// an edge or a node, or whose oldest sighting moved (which can change its person's anchor), plus new nodes.
/// The rest keep their OneID and cluster. Re-resolving whole clusters is exact: a cluster resolves the same
/// on its own as inside the whole graph.
/// </summary>
internal static class IncrementalScope
{
    /// <summary>Fills <c>id_affected(node)</c> and returns how many nodes it holds.</summary>
    public static long Compute(WorkspaceDatabase db)
    {
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE id_edges_now AS
            SELECT na.type AS a_type, na.value AS a_value, nb.type AS b_type, nb.value AS b_value
            FROM id_edges e JOIN id_nodes na ON na.node = e.a JOIN id_nodes nb ON nb.node = e.b
            """);
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE id_touched AS
            WITH changed_edges AS (
                (SELECT * FROM id_edges_now EXCEPT SELECT * FROM identity_edges)
                UNION ALL
                (SELECT * FROM identity_edges EXCEPT SELECT * FROM id_edges_now)),
            touched AS (
                SELECT a_type AS type, a_value AS value FROM changed_edges
                UNION SELECT b_type, b_value FROM changed_edges
                UNION SELECT m.type, m.value FROM identity_map m ANTI JOIN id_nodes n USING (type, value)
                UNION SELECT n.type, n.value FROM id_nodes n LEFT JOIN identity_map m USING (type, value)
                      WHERE m.value IS NULL OR m.first_seen IS DISTINCT FROM n.first_seen)
            SELECT DISTINCT coalesce(m.cluster, t.type || ':' || t.value) AS cluster
            FROM touched t LEFT JOIN identity_map m USING (type, value)
            """);
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE id_affected AS
            SELECT n.node FROM id_nodes n LEFT JOIN identity_map m USING (type, value)
            WHERE m.value IS NULL OR m.cluster IN (SELECT cluster FROM id_touched)
            """);
        return db.Scalar<long>("SELECT count(*) FROM id_affected");
    }
}
