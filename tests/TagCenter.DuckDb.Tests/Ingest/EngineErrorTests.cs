using Shouldly;
using TagCenter.Core.Diagnostics;

namespace TagCenter.DuckDb.Tests.Ingest;

/// <summary>What DuckDB says when a file defeats it reaches the user as a source error that names the file, never as internal SQL.</summary>
public sealed class EngineErrorTests : IDisposable
{
    private readonly TestWorkspace _workspace = new();

    private static void ShouldBeForPeople(SourceLoadException error, string file)
    {
        error.Message.ShouldContain(file);
        foreach (var internals in new[] { "tc_", "read_parquet(", "CREATE ", "SELECT ", "LINE 1" })
            error.Message.ShouldNotContain(internals, Case.Sensitive);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public async Task Load_TruncatedParquet_SourceErrorNamingTheFile(double keep)
    {
        var path = Path.Combine(_workspace.Root, "o.parquet");
        _workspace.WithYaml("sources:\n  o: { kind: parquet, path: o.parquet, columns: { id: {}, n: { type: int } } }\n");
        _workspace.Database.Execute($"COPY (SELECT 'o' || i AS id, i AS n FROM range(100000) t(i)) TO '{path}' (FORMAT parquet)");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * keep)]);

        var error = await Should.ThrowAsync<SourceLoadException>(() => _workspace.LoadAsync("o"));

        ShouldBeForPeople(error, "o.parquet");
    }

    [Fact]
    public async Task Load_CorruptParquetPage_SourceErrorNamingTheFile()
    {
        var path = Path.Combine(_workspace.Root, "o.parquet");
        _workspace.WithYaml("sources:\n  o: { kind: parquet, path: o.parquet, columns: { id: {}, n: { type: int } } }\n");
        _workspace.Database.Execute($"COPY (SELECT 'o' || i AS id, i AS n FROM range(100000) t(i)) TO '{path}' (FORMAT parquet)");
        var bytes = File.ReadAllBytes(path);
        for (var i = 100; i < bytes.Length / 2; i += 7)
            bytes[i] ^= 0x5a;
        File.WriteAllBytes(path, bytes);

        var error = await Should.ThrowAsync<SourceLoadException>(() => _workspace.LoadAsync("o"));

        ShouldBeForPeople(error, "o.parquet");
    }

    [Theory]
    [InlineData("int", "1", "99999999999999999999999")]
    [InlineData("int", "1", "-9223372036854775809")]
    [InlineData("decimal", "1", "99999999999999999999999")]
    [InlineData("decimal", "1", "1e30")]
    [InlineData("decimal, unit: fen", "1", "9.9e30")]
    [InlineData("decimal, unit: fen", "1", "999999999999999999999")]
    [InlineData("timestamp", "2024-01-01", "99999999999999999")]
    [InlineData("timestamp", "2024-01-01", "-99999999999999999")]
    [InlineData("date", "2024-01-01", "99999999999999999")]
    [InlineData("date, min: 1900", "2024-01-01", "99999-01-01")]
    public async Task Load_HugeNumber_QuarantinedNotAnEngineError(string type, string good, string value)
    {
        _workspace.WithFile("m.csv", $"id,v\na,{good}\nb,{value}\n").WithYaml($"sources:\n  m: {{ kind: csv, path: m.csv, max_reject_ratio: 1, columns: {{ id: {{}}, v: {{ type: {type} }} }} }}\n");

        var report = await _workspace.LoadAsync("m");

        report.Read.ShouldBe(2);
        _workspace.Rows("SELECT line FROM quarantine").ShouldBe([[3L]]);
    }

    public void Dispose() => _workspace.Dispose();
}
