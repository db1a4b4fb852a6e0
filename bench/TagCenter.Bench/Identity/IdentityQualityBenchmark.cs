using TagCenter.Demo;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Ingest;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Bench.Identity;

/// <summary>Issue #8: pairwise precision and recall of the OneID clustering on the demo, against the generator's truth.</summary>
internal static class IdentityQualityBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var persons = args.Int("persons", RetailDemoGenerator.DefaultPersons);
        var root = Path.Combine(Path.GetTempPath(), "tagcenter-bench-identity-quality");
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
        var definition = SampleWorkspace.WriteTo(root);
        RetailDemoGenerator.Generate(Path.Combine(root, "data"), persons);
        using var db = WorkspaceDatabase.Open(definition.DatabasePath);
        await WorkspaceLoad.RunAsync(db, definition, definition.Sources, force: false, null, null, TimeProvider.System, CancellationToken.None);
        var report = await new IdentityRunner(db, definition, TimeProvider.System).RunAsync(false, CancellationToken.None);
        var q = IdentityQuality.Measure(db, definition, Path.Combine(root, "data", RetailDemoGenerator.TruthFile));
        Console.WriteLine($"identity quality: demo of {persons:N0} persons → {report.Persons:N0} OneIDs; {q.Identifiers:N0} true identifiers in the data");
        Console.WriteLine($"  pairs: predicted {q.PredictedPairs:N0}, correct {q.CorrectPairs:N0}, true {q.TruePairs:N0}, linkable {q.LinkablePairs:N0}");
        Console.WriteLine($"  precision {q.Precision:0.00000}; recall {q.Recall:0.00000} of the truth, {q.RecallOfLinkable:0.00000} of what the data makes linkable");
        return q.Precision == 1 ? 0 : 2;
    }
}
