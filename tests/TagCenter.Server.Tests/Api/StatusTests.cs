using System.Text.Json;

namespace TagCenter.Server.Tests.Api;

/// <summary>/api/v1/status: the same sources and stages as <c>tagcenter status --json</c>.</summary>
public sealed class StatusTests(DemoWorkspace demo)
{
    [Fact]
    public async Task Status_MatchesTheCli()
    {
        // The CLI reads a copy: a reading process locks the database file against the servers other tests start on demo.Root.
        using var cliTemp = new TempFolder();
        var cliCopy = demo.Copy(cliTemp);
        var (exit, output) = await Tagcenter.RunAsync(["status", "-w", cliCopy, "--json"], TestContext.Current.CancellationToken);
        exit.ShouldBe(0, output);
        var cli = JsonDocument.Parse(output).RootElement;
        await using var server = await ApiServer.StartAsync(demo.Root);
        var api = await server.GetJsonAsync("/api/v1/status");

        var sources = api.GetProperty("sources").EnumerateArray().ToList();
        sources.Count.ShouldBe(cli.GetProperty("sources").GetArrayLength());
        sources.Count.ShouldBeGreaterThan(3);
        foreach (var (a, c) in sources.Zip(cli.GetProperty("sources").EnumerateArray()))
        {
            a.GetProperty("source").GetString().ShouldBe(c.GetProperty("source").GetString());
            a.GetProperty("read").ToString().ShouldBe(c.GetProperty("read").ToString());
            a.GetProperty("loaded").ToString().ShouldBe(c.GetProperty("loaded").ToString());
            a.GetProperty("quarantined").ToString().ShouldBe(c.GetProperty("quarantined").ToString());
            if (a.GetProperty("read").ValueKind == JsonValueKind.Null)
                continue; // an event source (kind: segment) the server has not fed: never loaded
            // Read = loaded + quarantined holds for every source the demo loads (no counter in common with the check).
            a.GetProperty("read").GetInt64().ShouldBe(a.GetProperty("loaded").GetInt64() + a.GetProperty("quarantined").GetInt64());
        }
        var stages = api.GetProperty("stages").EnumerateArray().Select(s => (s.GetProperty("stage").GetString(), s.GetProperty("fresh").GetBoolean())).ToList();
        stages.ShouldBe(cli.GetProperty("stages").EnumerateArray().Select(s => (s.GetProperty("stage").GetString(), s.GetProperty("fresh").GetBoolean())).ToList());
        stages.Select(s => s.Item1).ShouldBe(["sources", "identity", "tags"]);
    }
}
