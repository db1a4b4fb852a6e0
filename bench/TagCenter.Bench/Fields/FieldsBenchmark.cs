using TagCenter.Core.Tags;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Fields;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Bench.Fields;

/// <summary>
/// Issue #15 target: the field inventory of the default demo workspace (about 2.6M rows over 8 sources) in under
/// 5 s, reported against DuckDB's own <c>SUMMARIZE</c> of the same tables in the same run (alternating runs).
/// Needs a demo workspace: <c>tagcenter demo -w /tmp/fields-demo</c>.
/// </summary>
internal static class FieldsBenchmark
{
    private static readonly DateTime AsOf = new(2026, 11, 1);

    public static int Run(BenchArgs args)
    {
        var root = args.Values.GetValueOrDefault("workspace", "/tmp/fields-demo");
        var runs = args.Int("runs", 3);
        var workspace = WorkspaceLoader.Load(root);
        using var db = WorkspaceDatabase.OpenReadOnly(workspace.DatabasePath);
        var catalog = TagCatalog.Load(root);
        var tables = FieldInventory.Tables(db, workspace);
        var rows = tables.Sum(t => db.Scalar<long>($"SELECT count(*) FROM {TagCenter.Core.Sql.SqlText.Ident(t.Table)}"));
        Console.WriteLine($"fields: {tables.Count} tables, {rows:N0} rows (source tables and facts), {runs} alternating runs");
        var inventory = new List<double>();
        var summarize = new List<double>();
        var fields = 0;
        for (var run = 0; run < runs; run++)
        {
            summarize.Add(Measure.Seconds(() =>
            {
                foreach (var (table, _) in tables)
                    db.Rows($"SUMMARIZE {TagCenter.Core.Sql.SqlText.Ident(table)}");
            }));
            inventory.Add(Measure.Seconds(() => fields = FieldInventory.Build(db, workspace, catalog, AsOf).Fields.Count));
            Console.WriteLine($"  run {run + 1}: SUMMARIZE {summarize[^1]:0.00}s · inventory ({fields} fields) {inventory[^1]:0.00}s");
        }
        var ratio = Measure.Median(inventory) / Measure.Median(summarize);
        Console.WriteLine($"median: SUMMARIZE {Measure.Median(summarize):0.00}s, inventory {Measure.Median(inventory):0.00}s → {ratio:0.00}× (target: inventory < 5 s)");
        return Measure.Median(inventory) < 5 ? 0 : 2;
    }
}
