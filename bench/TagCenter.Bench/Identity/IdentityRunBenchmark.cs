using System.Globalization;
using System.Text;
using TagCenter.Core.Workspace;
using TagCenter.Demo;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Ingest;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Bench.Identity;

/// <summary>
/// Issue #8: `identity run --incremental` end to end (extraction included) costs in proportion to what changed.
/// The demo workspace plus a small <c>daily</c> source; each round rewrites the daily file with new links worth 1% of
/// the graph's edges (existing customers adding an e-mail), loads it, and runs identity incremental, then the same
/// for a full run; ratios compare medians measured in this process. Resolve-only is the pure resolution step.
/// </summary>
internal static class IdentityRunBenchmark
{
    private const string DailySource = """

          daily:
            kind: csv
            path: data/daily.csv
            event_time: at
            columns:
              phone: { type: phone, identifier: phone }
              email: { type: email, identifier: email }
              at: { type: timestamp }
        """;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var persons = args.Int("persons", 50_000);
        var rounds = args.Int("runs", 5);
        var root = Path.Combine(Path.GetTempPath(), "tagcenter-bench-identity-run");
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
        SampleWorkspace.WriteTo(root);
        File.AppendAllText(Path.Combine(root, WorkspaceDefinition.FileName), DailySource);
        RetailDemoGenerator.Generate(Path.Combine(root, "data"), persons);
        var phones = File.ReadLines(Path.Combine(root, "data", RetailDemoGenerator.TruthFile)).Where(l => l.StartsWith("phone,", StringComparison.Ordinal))
            .Select(l => l.Split(',')[1]).ToArray();
        File.WriteAllText(Path.Combine(root, "data", "daily.csv"), "phone,email,at\n");
        var definition = WorkspaceLoader.Load(root);
        using var db = WorkspaceDatabase.Open(definition.DatabasePath);
        await WorkspaceLoad.RunAsync(db, definition, definition.Sources, force: false, null, null, TimeProvider.System, CancellationToken.None);
        var runner = new IdentityRunner(db, definition, TimeProvider.System);
        var first = runner.Run();
        var batch = (int)Math.Max(1, first.Edges / 100);
        Console.WriteLine($"identity run: {persons:N0} persons, {first.Identifiers:N0} identifiers, {first.Edges:N0} edges, {definition.Sources.Count} sources; each round adds {batch:N0} new edges (1%)");

        var random = new Random(8);
        var full = new List<IdentityRunReport>();
        var incremental = new List<IdentityRunReport>();
        for (var round = 0; round < rounds; round++)
            foreach (var isIncremental in new[] { true, false })
            {
                var rows = new StringBuilder("phone,email,at\n");
                for (var i = 0; i < batch; i++)
                    rows.Append(CultureInfo.InvariantCulture, $"{phones[random.Next(phones.Length)]},bench{round}x{isIncremental}x{i}@example.org,2026-10-0{1 + round % 9} 10:00:00\n");
                File.WriteAllText(Path.Combine(root, "data", "daily.csv"), rows.ToString());
                await new SourceLoader(db, definition, TimeProvider.System).LoadAsync(definition.FindSource("daily")!, force: true, CancellationToken.None);
                var report = runner.Run(isIncremental);
                (isIncremental ? incremental : full).Add(report);
                Console.WriteLine($"  round {round + 1} {(isIncremental ? "incremental" : "full       ")}: {report.Elapsed.TotalSeconds:0.000}s, {report.SourcesRead} source(s) read, {report.Reresolved:N0} identifiers re-resolved; "
                    + string.Join(", ", report.Steps.Where(s => s.Key != "start").Select(s => $"{s.Key} {s.Value.TotalSeconds:0.000}s")));
            }

        double Median(List<IdentityRunReport> reports, Func<IdentityRunReport, double> seconds) => Measure.Median(reports.Select(seconds));
        double Step(IdentityRunReport r, params string[] steps) => steps.Sum(s => r.Steps.TryGetValue(s, out var t) ? t.TotalSeconds : 0);
        void Ratio(string what, Func<IdentityRunReport, double> seconds)
        {
            double i = Median(incremental, seconds), f = Median(full, seconds);
            Console.WriteLine($"  {what,-44} incremental {i:0.000}s / full {f:0.000}s = {i / f:0.000}×");
        }
        Console.WriteLine($"medians over {rounds} rounds:");
        Ratio("resolve only (resolution + OneIDs):", r => Step(r, "resolved"));
        Ratio("extraction + resolution (to the new map):", r => Step(r, "extracted", "loaded", "resolved", "named", "mapped"));
        Ratio("end to end (with golden record and facts):", r => r.Elapsed.TotalSeconds);
        return 0;
    }
}
