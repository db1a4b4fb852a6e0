using System.Text;
using Shouldly;
using TagCenter.Core.Diagnostics;
using TagCenter.DuckDb.Ingest;

namespace TagCenter.DuckDb.Tests.Ingest;

/// <summary>A new file that would remove most of a source's rows is refused unless the caller says so.</summary>
public sealed class ShrinkTests : IDisposable
{
    private readonly TestWorkspace _workspace = new();

    private void WithRows(int rows, string extra = "")
    {
        var csv = new StringBuilder("id\n");
        for (var i = 0; i < rows; i++)
            csv.Append('R').Append(i).Append('\n');
        _workspace.WithFile("m.csv", csv.ToString()).WithYaml($$"""
            sources:
              m: { kind: csv, path: m.csv, {{extra}} columns: { id: { required: true } } }
            """);
    }

    private Task<LoadReport> LoadAsync(bool allowShrink = false) =>
        new SourceLoader(_workspace.Database, _workspace.Definition, TimeProvider.System)
            .LoadAsync(_workspace.Definition.Sources[0], new LoadOptions(AllowShrink: allowShrink), TestContext.Current.CancellationToken);

    private long Rows() => _workspace.Database.Scalar<long>("SELECT count(*) FROM src_m");

    [Fact]
    public async Task Load_HeaderOnlyReplacement_RefusedAndRowsKept()
    {
        WithRows(1000);
        await LoadAsync();
        WithRows(0);

        var error = await Should.ThrowAsync<SourceLoadException>(() => LoadAsync());

        error.Message.ShouldContain("1,000");
        error.Message.ShouldContain("allow-shrink");
        Rows().ShouldBe(1000);
    }

    [Fact]
    public async Task Load_HeaderOnlyReplacementWithAllowShrink_Emptied()
    {
        WithRows(1000);
        await LoadAsync();
        WithRows(0);

        var report = await LoadAsync(allowShrink: true);

        report.Read.ShouldBe(0);
        Rows().ShouldBe(0);
    }

    [Fact]
    public async Task Load_ShrinkBeyondMaxShrink_RefusedAndRowsKept()
    {
        WithRows(1000, "max_shrink: 0.5,");
        await LoadAsync();
        WithRows(400, "max_shrink: 0.5,");

        var error = await Should.ThrowAsync<SourceLoadException>(() => LoadAsync());

        error.Message.ShouldContain("max_shrink");
        Rows().ShouldBe(1000);
    }

    [Fact]
    public async Task Load_ShrinkWithinMaxShrink_Loaded()
    {
        WithRows(1000, "max_shrink: 0.5,");
        await LoadAsync();
        WithRows(600, "max_shrink: 0.5,");

        (await LoadAsync()).Loaded.ShouldBe(600);
        Rows().ShouldBe(600);
    }

    [Fact]
    public async Task Load_ShrinkWithoutMaxShrink_LoadedWhileNotEmpty()
    {
        WithRows(1000);
        await LoadAsync();
        WithRows(1);

        (await LoadAsync()).Loaded.ShouldBe(1);
    }

    public void Dispose() => _workspace.Dispose();
}
