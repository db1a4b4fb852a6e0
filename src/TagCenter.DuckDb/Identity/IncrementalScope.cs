using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Identity;

/// <summary>
/// Which nodes an incremental run must re-resolve: every node of every previous cluster that gained or lost
/// an edge or a node, plus new nodes. The rest keep their OneID and cluster. Re-resolving whole clusters is
/// exact: a cluster resolves the same on its own as inside the whole graph, and a person's OneID depends only
/// on its identifiers' previous ids (a moved first sighting changes nothing). Reads only what
/// <see cref="IdentityExtraction"/> marked as changed.
/// </summary>
internal static class IncrementalScope
{
    /// <summary>Fills <c>id_affected(node)</c> and returns how many nodes it holds.</summary>
    public static long Compute(WorkspaceDatabase db)
    {
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE id_touched AS
            WITH touched AS (
                SELECT a AS node FROM id_changed_edges
                UNION SELECT b FROM id_changed_edges
                UNION SELECT c.node FROM id_changed_nodes c
                      WHERE (c.node IN (SELECT node FROM id_nodes)) <> (c.node IN (SELECT node FROM identity_map)))
            SELECT DISTINCT m.cluster FROM identity_map m JOIN touched USING (node)
            """);
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE id_affected AS
            SELECT n.node FROM id_nodes n LEFT JOIN identity_map m USING (node)
            WHERE m.node IS NULL OR m.cluster IN (SELECT cluster FROM id_touched)
            """);
        return db.Scalar<long>("SELECT count(*) FROM id_affected");
    }
}
