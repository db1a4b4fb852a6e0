using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Identity;

/// <summary>
/// The previous run's OneIDs of the nodes being resolved, numbered oldest first (by when each was issued,
/// then by the id), which is the order <see cref="Core.Identity.OneIdAssigner"/> expects.
/// </summary>
internal sealed record PreviousOneIds(int[] PerNode, string[] Ids)
{
    public static PreviousOneIds Load(WorkspaceDatabase db, IdentityGraphLoader graph)
    {
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE id_prev AS
            SELECT s.local, m.oneid FROM id_sub s JOIN id_nodes n USING (node) JOIN identity_map m USING (type, value)
            """);
        var ids = db.Rows("""
            SELECT p.oneid FROM (SELECT DISTINCT oneid FROM id_prev) p LEFT JOIN identity_oneids o USING (oneid)
            ORDER BY coalesce(o.born, 0), p.oneid
            """).Select(r => (string)r[0]!).ToArray();
        var index = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
            index[ids[i]] = i;
        var perNode = new int[graph.Global.Length];
        Array.Fill(perNode, -1);
        foreach (var row in db.Rows("SELECT local, oneid FROM id_prev"))
            perNode[Convert.ToInt32(row[0])] = index[(string)row[1]!];
        return new PreviousOneIds(perNode, ids);
    }
}
