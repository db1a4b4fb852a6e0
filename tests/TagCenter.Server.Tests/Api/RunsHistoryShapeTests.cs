using System.Text.Json;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Server.Tests.Api;

/// <summary>
/// <c>GET /api/v1/runs</c>: each segment pass's entered and left are plain JSON integers (whatever type the engine's
/// sum has), read by the typed client as <c>long</c>, equal to the per-segment rows of that pass added up here.
/// </summary>
public sealed class RunsHistoryShapeTests(DemoWorkspace demo)
{
    [Fact]
    public async Task SegmentPasses_EnteredAndLeft_AreIntegersSummedPerPass()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp);
        var expected = new Dictionary<long, (long Entered, long Left)>();
        using (var db = WorkspaceDatabase.OpenReadOnly(System.IO.Path.Combine(root, ".tagcenter", "tagcenter.duckdb")))
            foreach (var row in db.Rows("SELECT seq, entered, exited FROM segment_runs"))
            {
                var seq = Convert.ToInt64(row[0], System.Globalization.CultureInfo.InvariantCulture);
                var (e, l) = expected.GetValueOrDefault(seq);
                expected[seq] = (e + Convert.ToInt64(row[1], System.Globalization.CultureInfo.InvariantCulture), l + Convert.ToInt64(row[2], System.Globalization.CultureInfo.InvariantCulture));
            }
        expected.ShouldNotBeEmpty();
        expected.Values.Sum(v => v.Entered).ShouldBeGreaterThan(0);
        await using var server = await ApiServer.StartAsync(root);

        var passes = (await server.GetJsonAsync("/api/v1/runs?limit=1000")).GetProperty("segment_passes").EnumerateArray().ToList();

        passes.Count.ShouldBe(expected.Count);
        foreach (var pass in passes)
        {
            var seq = pass.GetProperty("seq").GetInt64();
            pass.GetProperty("entered").ValueKind.ShouldBe(JsonValueKind.Number, pass.ToString());
            pass.GetProperty("left").ValueKind.ShouldBe(JsonValueKind.Number, pass.ToString());
            (pass.GetProperty("entered").GetInt64(), pass.GetProperty("left").GetInt64()).ShouldBe(expected[seq]);
        }
        var typed = await new TagCenter.Client.TagCenterClient(server.Client).Runs.ListAsync(1000, TestContext.Current.CancellationToken);
        typed.SegmentPasses.ToDictionary(p => p.Seq, p => (p.Entered, p.Left)).ShouldBe(expected, ignoreOrder: true);
    }
}
