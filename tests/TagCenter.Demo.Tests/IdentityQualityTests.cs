using Shouldly;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Ingest;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Demo.Tests;

public sealed class IdentityQualityTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tagcenter-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Measure_SmallDemo_PrecisionOne_RecallAsLinkable()
    {
        var definition = SampleWorkspace.WriteTo(_root);
        var data = Path.Combine(_root, "data");
        RetailDemoGenerator.Generate(data, 1500);
        using var database = WorkspaceDatabase.Open(definition.DatabasePath);
        await WorkspaceLoad.RunAsync(database, definition, definition.Sources, force: false, null, null, TimeProvider.System, TestContext.Current.CancellationToken);
        await new IdentityRunner(database, definition, TimeProvider.System).RunAsync(false, TestContext.Current.CancellationToken);

        var quality = IdentityQuality.Measure(database, definition, Path.Combine(data, RetailDemoGenerator.TruthFile));

        TestContext.Current.TestOutputHelper?.WriteLine(quality.ToString());
        quality.Identifiers.ShouldBeGreaterThan(3000);
        quality.PredictedPairs.ShouldBeGreaterThan(1000);
        quality.Precision.ShouldBe(1.0);
        quality.LinkablePairs.ShouldBeLessThanOrEqualTo(quality.TruePairs);
        quality.RecallOfLinkable.ShouldBeGreaterThan(0.99);
    }

    [Fact]
    public void Generate_Truth_PhonesInE164_OnePersonPerIdentifier()
    {
        var data = Path.Combine(_root, "data");
        RetailDemoGenerator.Generate(data, 200, seed: 3);

        var rows = File.ReadAllLines(Path.Combine(data, RetailDemoGenerator.TruthFile)).Skip(1).Select(l => l.Split(',')).ToList();

        rows.Where(r => r[0] == "phone").ShouldAllBe(r => r[1].StartsWith("+861") && r[1].Length == 14);
        rows.Where(r => r[0] == "email").ShouldAllBe(r => !r[1].Any(char.IsUpper));
        rows.GroupBy(r => (r[0], r[1])).ShouldAllBe(g => g.Count() == 1);
        rows.Select(r => r[2]).Distinct().Count().ShouldBe(200);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
