using System.Diagnostics;
using System.Globalization;
using TagCenter.Core.Fields;
using TagCenter.Core.Tags;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Fields;

/// <summary>
/// The field inventory (字段盘点) of a workspace: every column of every loaded source table and fact table,
/// measured (<see cref="FieldScan"/>), with its cleansing losses, its users and its class.
/// </summary>
public static class FieldInventory
{
    /// <summary>Distinct values are counted exactly below this estimate; above it the HyperLogLog estimate stands.</summary>
    public const long DefaultExactBelow = 10_000;

    public static FieldInventoryReport Build(WorkspaceDatabase db, WorkspaceDefinition workspace, TagCatalog catalog, DateTime asOf,
        long exactBelow = DefaultExactBelow)
    {
        var stopwatch = Stopwatch.StartNew();
        var usage = new FieldUsageMap(workspace, Reads(db, catalog, asOf));
        var cleansing = Cleansing(db);
        var fields = new List<FieldProfile>();
        foreach (var (table, source) in Tables(db, workspace))
        {
            var stats = FieldScan.Measure(db, table, exactBelow);
            fields.AddRange(FieldClassifier.Classify(stats, column => usage.Of(table, column),
                column => cleansing.GetValueOrDefault((source, column)), source));
        }
        return new FieldInventoryReport(FieldPins.Apply(fields, workspace), stopwatch.Elapsed);
    }

    /// <summary>The loaded tables with their source: src_ tables in declaration order, then the facts.</summary>
    public static IReadOnlyList<(string Table, string Source)> Tables(WorkspaceDatabase db, WorkspaceDefinition workspace)
    {
        var existing = db.Rows("SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND schema_name = current_schema()")
            .Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        var sources = workspace.Sources.Where(s => existing.Contains(s.TableName)).Select(s => (s.TableName, s.Name));
        var facts = existing.Where(t => t.StartsWith("fact_", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(t => (t, string.Join("+", workspace.Sources.Where(s => "fact_" + s.Fact == t).Select(s => s.Name))));
        return [.. sources.Concat(facts)];
    }

    /// <summary>Per tag, what its rule reads; nothing before identity has built the model tags read.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Reads(WorkspaceDatabase db, TagCatalog catalog, DateTime asOf) =>
        catalog.Tags.Count == 0 || !db.TableExists("dim_person")
            ? new Dictionary<string, IReadOnlyList<string>>()
            : TagCompiler.Compile(catalog, new TagRunner(db, TimeProvider.System).Schema(), asOf).Reads;

    /// <summary>(source, column) → shares of the last load's rows quarantined and nulled because of that column.</summary>
    private static Dictionary<(string, string), (double Quarantined, double Nulled)> Cleansing(WorkspaceDatabase db) =>
        db.Rows("""
            WITH latest AS (SELECT source, arg_max(read, finished_at) AS read FROM loads WHERE status = 'loaded' GROUP BY source)
            SELECT q.source, q."column",
                   count(*) FILTER (WHERE q.action = 'quarantined') / any_value(l.read),
                   count(*) FILTER (WHERE q.action = 'nulled') / any_value(l.read)
            FROM quarantine q JOIN latest l USING (source)
            WHERE q."column" IS NOT NULL AND l.read > 0
            GROUP BY q.source, q."column"
            """).ToDictionary(r => ((string)r[0]!, (string)r[1]!),
                r => (Convert.ToDouble(r[2], CultureInfo.InvariantCulture), Convert.ToDouble(r[3], CultureInfo.InvariantCulture)));
}
