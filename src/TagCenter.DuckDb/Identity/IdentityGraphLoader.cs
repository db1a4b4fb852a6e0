using TagCenter.Core.Identity;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Identity;

/// <summary>
/// Reads (part of) the extracted graph into the resolver's arrays. <paramref name="nodeFilter"/> selects the
/// nodes (an SQL condition on <c>id_nodes n</c>); they are renumbered 0..k-1 in their stable (type, value) order,
/// whatever numbers the dictionary gave them, so the resolver breaks ties the same way on any history.
/// </summary>
internal sealed class IdentityGraphLoader
{
    public required int[] Global { get; init; }
    public required string[] Types { get; init; }
    public required string[] Values { get; init; }
    public required IdentityGraphInput Input { get; init; }

    public static IdentityGraphLoader Load(WorkspaceDatabase db, IReadOnlyList<IdentifierTypeRule> rules, string nodeFilter = "true")
    {
        db.Execute($"""
            CREATE OR REPLACE TEMP TABLE id_sub AS
            SELECT (row_number() OVER (ORDER BY n.type, n.value) - 1)::INTEGER AS local, n.node
            FROM id_nodes n WHERE {nodeFilter}
            """);
        var count = (int)db.Scalar<long>("SELECT count(*) FROM id_sub");
        var global = new int[count];
        var types = new string[count];
        var values = new string[count];
        var seen = new long[count];
        var nodeType = new byte[count];
        var index = rules.Select((r, i) => (r.Name, i)).ToDictionary(p => p.Name, p => (byte)p.i);
        using (var command = db.Connection.CreateCommand())
        {
            command.CommandText = """
                SELECT s.local, n.node, n.type, n.value, coalesce(epoch_us(n.first_seen), 9223372036854775807)
                FROM id_sub s JOIN id_nodes n USING (node) ORDER BY s.local
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var i = reader.GetInt32(0);
                global[i] = reader.GetInt32(1);
                types[i] = reader.GetString(2);
                values[i] = reader.GetString(3);
                seen[i] = reader.GetInt64(4);
                nodeType[i] = index[types[i]];
            }
        }
        var edgeCount = db.Scalar<long>("SELECT count(*) FROM id_source_edges e JOIN id_sub a ON a.node = e.a JOIN id_sub b ON b.node = e.b");
        var from = new int[edgeCount];
        var to = new int[edgeCount];
        using (var command = db.Connection.CreateCommand())
        {
            command.CommandText = "SELECT a.local, b.local FROM id_source_edges e JOIN id_sub a ON a.node = e.a JOIN id_sub b ON b.node = e.b";
            using var reader = command.ExecuteReader();
            var e = 0;
            while (reader.Read())
            {
                from[e] = reader.GetInt32(0);
                to[e++] = reader.GetInt32(1);
            }
        }
        return new IdentityGraphLoader
        {
            Global = global,
            Types = types,
            Values = values,
            Input = new IdentityGraphInput(rules, nodeType, seen, from, to),
        };
    }
}
