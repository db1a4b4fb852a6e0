using System.Security.Cryptography;
using Shouldly;
using TagCenter.Core.Workspace;
using TagCenter.Demo;
using TagCenter.DuckDb.Ingest;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Demo.Tests;

public sealed class RetailDemoGeneratorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tagcenter-tests", Guid.NewGuid().ToString("N"));

    private static Dictionary<string, string> Hashes(string dir) => Directory.GetFiles(dir)
        .ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public void Generate_SameSeed_SameBytes_OtherSeed_OtherData()
    {
        var a = RetailDemoGenerator.Generate(Path.Combine(_root, "a"), 300, seed: 7);
        var b = RetailDemoGenerator.Generate(Path.Combine(_root, "b"), 300, seed: 7);
        var c = RetailDemoGenerator.Generate(Path.Combine(_root, "c"), 300, seed: 8);

        a.Rows.ShouldBe(b.Rows);
        Hashes(Path.Combine(_root, "a")).ShouldBe(Hashes(Path.Combine(_root, "b")));
        Hashes(Path.Combine(_root, "a"))["crm_members.csv"].ShouldNotBe(Hashes(Path.Combine(_root, "c"))["crm_members.csv"]);
        c.Persons.ShouldBe(300);
    }

    [Fact]
    public async Task Demo_LoadsEverySource_AccountsForEveryRow()
    {
        var definition = SampleWorkspace.WriteTo(_root);
        RetailDemoGenerator.Generate(Path.Combine(_root, "data"), 1500);
        using var database = WorkspaceDatabase.Open(definition.DatabasePath);

        var summary = RetailDemoGenerator.Generate(Path.Combine(_root, "data-count"), 1500); // same seed: the generator's own row counts
        var results = await WorkspaceLoad.RunAsync(database, definition, definition.Sources, force: false, null, null,
            TimeProvider.System, TestContext.Current.CancellationToken);

        results.ShouldAllBe(r => r.Error == null);
        // Event sources (kind: segment) have no file: the server's ingest feeds them, a load skips them.
        foreach (var source in definition.Sources.Where(s => s.Kind != SourceKind.Segment))
        {
            var report = results.Single(r => r.Source == source.Name).Report!;
            var rows = database.Scalar<long>($"SELECT count(*) FROM {source.TableName}");
            var quarantined = database.Scalar<long>("SELECT count(*) FROM quarantine WHERE source = $1 AND action = 'quarantined'", source.Name);
            rows.ShouldBe(report.Loaded, source.Name);
            quarantined.ShouldBe(report.Quarantined, source.Name);
            report.Read.ShouldBe(summary.Rows[Path.GetFileName(source.Path!)], source.Name); // every row the generator wrote is read
        }
        // The dirt is there on purpose, and it is caught.
        var reasons = database.Rows("SELECT DISTINCT reason FROM quarantine").Select(r => (string)r[0]!).ToList();
        reasons.ShouldContain("phone_invalid");
        reasons.ShouldContain("duplicate");
        reasons.ShouldContain("json_invalid");
        reasons.ShouldContain("rejected_value");
        // The same people appear under different identifiers across sources.
        database.Scalar<long>("""
            SELECT count(DISTINCT e.member_no) FROM src_app_events e JOIN src_crm_members m USING (member_no)
            """).ShouldBeGreaterThan(100);
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
