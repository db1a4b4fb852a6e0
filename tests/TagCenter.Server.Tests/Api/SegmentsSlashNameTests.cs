using System.Text.Json;

namespace TagCenter.Server.Tests.Api;

/// <summary>
/// A segment whose name holds '/' (a board's crowd is <c>board/crowd</c>; the demo's board 生命周期看板 has
/// <c>生命周期看板/新客</c>) over every segment route, its name escaped as clients do (<c>%2F</c>): the CLI's figures.
/// </summary>
public sealed class SegmentsSlashNameTests(DemoWorkspace demo)
{
    private const string Crowd = "生命周期看板/新客";

    private static string Path(string suffix = "") => "/api/v1/segments/" + Uri.EscapeDataString(Crowd) + suffix;

    [Fact]
    public async Task ShowTrendAndMembers_OfANameWithASlash_AreTheClis()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // the CLI first: the server then holds the database
        var cli = await SegmentsCli.JsonAsync(root, "segment", "members", Crowd, "--limit", "100000");
        var expected = cli.GetProperty("members").EnumerateArray().Select(m => m.GetString()!).ToList();
        expected.ShouldNotBeEmpty();
        await using var server = await ApiServer.StartAsync(root);

        var show = await server.GetJsonAsync(Path());
        show.GetProperty("segment").GetProperty("name").GetString().ShouldBe(Crowd);
        show.GetProperty("segment").GetProperty("size").GetInt64().ShouldBe(expected.Count);
        var trend = await server.GetJsonAsync(Path("/trend"));
        trend.GetProperty("name").GetString().ShouldBe(Crowd);
        trend.GetProperty("runs").GetArrayLength().ShouldBe(show.GetProperty("runs").GetArrayLength());
        var members = await server.GetJsonAsync(Path("/members?page_size=10000"));
        members.GetProperty("members").EnumerateArray().Select(m => m.GetString()!).ShouldBe(expected);
    }

    [Fact]
    public async Task ExportAndExplain_OfANameWithASlash_AreTheClis()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp);
        var expected = (await SegmentsCli.JsonAsync(root, "segment", "members", Crowd, "--limit", "100000")).GetProperty("members")
            .EnumerateArray().Select(m => m.GetString()!).ToList();
        await using var server = await ApiServer.StartAsync(root);

        using var export = await server.Client.GetAsync(new Uri(Path("/export?format=csv"), UriKind.Relative), TestContext.Current.CancellationToken);
        ((int)export.StatusCode).ShouldBe(200, await export.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var lines = (await export.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Skip(1).ShouldBe(expected);

        var explain = await server.GetJsonAsync(Path("/explain/" + Uri.EscapeDataString(expected[0])));
        explain.GetProperty("segment").GetString().ShouldBe(Crowd);
        explain.GetProperty("member").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Show_OfAnUnknownNameWithASlash_Is404()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        var (status, problem) = await server.SendAsync(HttpMethod.Get, "/api/v1/segments/" + Uri.EscapeDataString("生命周期看板/无此人群"));
        status.ShouldBe(404, problem.ToString());
        problem.ValueKind.ShouldBe(JsonValueKind.Object);
    }
}
