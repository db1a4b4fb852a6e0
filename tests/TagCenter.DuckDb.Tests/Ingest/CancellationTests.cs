using System.Text;
using Shouldly;
using TagCenter.DuckDb.Ingest;

namespace TagCenter.DuckDb.Tests.Ingest;

/// <summary>Ctrl-C during a load: it stops, and the source is either as it was or wholly the new one, never half.</summary>
public sealed class CancellationTests : IDisposable
{
    private readonly TestWorkspace _workspace = new();

    private void WithRows(int rows, string prefix)
    {
        var csv = new StringBuilder("id,phone,at\n");
        for (var i = 0; i < rows; i++)
            csv.Append(prefix).Append(i).Append(",138 0013 ").Append(1000 + (i % 9000)).Append(",2024/1/").Append(1 + i % 28).Append('\n');
        _workspace.WithFile("m.csv", csv.ToString()).WithYaml("""
            sources:
              m: { kind: csv, path: m.csv, dedupe: [id], max_reject_ratio: 1, columns: { id: { required: true }, phone: { type: phone }, at: { type: date } } }
            """);
    }

    private Task<LoadReport> LoadAsync(CancellationToken token) =>
        new SourceLoader(_workspace.Database, _workspace.Definition, TimeProvider.System)
            .LoadAsync(_workspace.Definition.Sources[0], new LoadOptions(Force: true), token);

    private List<object?[]> State() => _workspace.Rows("SELECT count(*), min(id), count(DISTINCT left(id, 1)) FROM src_m");

    private long Leftovers() => _workspace.Database.Scalar<long>(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'tc\\_%' ESCAPE '\\' OR table_name LIKE '%\\_\\_loading' ESCAPE '\\'");

    [Fact]
    public async Task Load_CancelledBeforeStart_NothingChanged()
    {
        WithRows(100, "A");
        await LoadAsync(TestContext.Current.CancellationToken);
        WithRows(50, "B");

        await Should.ThrowAsync<OperationCanceledException>(() => LoadAsync(new CancellationToken(canceled: true)));

        State().ShouldBe([[100L, "A0", 1L]]);
        Leftovers().ShouldBe(0);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(50)]
    [InlineData(200)]
    public async Task Load_CancelledWhileRunning_OldOrWholeNewNeverHalf(int afterMilliseconds)
    {
        WithRows(1000, "A");
        await LoadAsync(TestContext.Current.CancellationToken);
        WithRows(200_000, "B");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(afterMilliseconds));

        try
        {
            await LoadAsync(cancel.Token);
            State().ShouldBe([[200_000L, "B0", 1L]]);
        }
        catch (OperationCanceledException)
        {
            State().ShouldBe([[1000L, "A0", 1L]]);
        }
        Leftovers().ShouldBe(0);
        (await LoadAsync(TestContext.Current.CancellationToken)).Loaded.ShouldBe(200_000);
    }

    public void Dispose() => _workspace.Dispose();
}
