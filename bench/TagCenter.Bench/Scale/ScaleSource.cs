using TagCenter.DuckDb.Storage;

namespace TagCenter.Bench.Scale;

/// <summary>
/// Reads the tables of the source workspace (attached as <c>src</c>) and decides, from what a served workspace reads
/// (profiles: identity_map, id_occurrences, identity_history, dim_person, fact_*, person_tags, tag_history,
/// segment_members; counts: person_tags, the facts and the index), which are cloned per person, copied once or left out.
/// </summary>
internal static class ScaleSource
{
    // Identity internals read only by the next identity run (which rebuilds them) and staging tables read only by
    // the next pipeline run; the row owners (id_rows, id_entity_rows) also by the realtime consumer, which the scaled
    // workspace does not serve; person_ordinals is renumbered by the product's own index build.
    private static readonly HashSet<string> Internals = new(StringComparer.Ordinal)
    {
        "id_dict", "id_extracted", "id_nodes", "id_source_edges", "id_source_blocked", "id_rows", "id_entity_rows", "person_ordinals",
    };

    public static IReadOnlyList<ScaleTable> Tables(WorkspaceDatabase db)
    {
        var columns = db.Rows("""
            SELECT table_name, list(column_name ORDER BY column_index) FROM duckdb_columns()
            WHERE database_name = 'src' AND schema_name = 'main' GROUP BY table_name
            """).ToDictionary(r => (string)r[0]!, r => (IReadOnlyList<string>)((List<string>)r[1]!).ToList(), StringComparer.Ordinal);
        var tables = new List<ScaleTable>();
        foreach (var row in db.Rows("SELECT table_name, sql, estimated_size FROM duckdb_tables() WHERE database_name = 'src' AND schema_name = 'main' ORDER BY table_name"))
        {
            var name = (string)row[0]!;
            var rows = db.Scalar<long>($"SELECT count(*) FROM src.main.\"{name}\"");
            var (kind, why) = Classify(name, columns[name]);
            tables.Add(new ScaleTable(name, columns[name], (string)row[1]!, rows, kind, why));
        }
        return tables;
    }

    private static (ScaleKind, string) Classify(string name, IReadOnlyList<string> columns)
    {
        if (name.StartsWith("src_", StringComparison.Ordinal) || name.StartsWith("stg_", StringComparison.Ordinal))
            return (ScaleKind.Skipped, "staging, read only by the next pipeline run");
        if (Internals.Contains(name))
            return (ScaleKind.Skipped, name == "person_ordinals" ? "renumbered by the index build (TagIndexBuilder → PersonOrdinals.Assign)" : name.StartsWith("id_", StringComparison.Ordinal) && name.EndsWith("rows", StringComparison.Ordinal)
                ? "row owners, read by the next identity run and the realtime consumer (not served here)"
                : "identity internals, read only by the next identity run");
        if (columns.Contains("oneid"))
            return (ScaleKind.PerPerson, "oneid");
        if (columns.Contains("node"))
            return (ScaleKind.PerNode, "node");
        return (ScaleKind.Once, "not keyed by person");
    }
}
