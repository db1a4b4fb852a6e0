using System.Text.Json;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Activation;

/// <summary>
/// Tag usage from the audit log (issue #12, 标签效果评估): API reads of a tag and exports of it are written to the audit
/// and counted by /activation/evaluation and /activation/review; counts made before a shutdown survive it.
/// </summary>
public sealed class TagUsageAuditTests(DemoWorkspace demo)
{
    private static string Escaped(string name) => Uri.EscapeDataString(name);

    private static async Task<JsonElement> UsageAsync(ApiServer server, string tag) =>
        (await server.GetJsonAsync($"/api/v1/activation/evaluation?tag={Escaped(tag)}"))[0].GetProperty("usage");

    /// <summary>A tag the review lists because nothing refers to it.</summary>
    private static async Task<string> UnusedTagAsync(ApiServer server) =>
        (await server.GetJsonAsync("/api/v1/activation/review?lang=en")).GetProperty("candidates").EnumerateArray()
            .First(c => c.GetProperty("kind").GetString() == "tag" && Unused(c)).GetProperty("name").GetString()!;

    private static bool Unused(JsonElement candidate) =>
        candidate.GetProperty("reasons").EnumerateArray().Any(r => r.GetString()!.StartsWith("no segment, trigger", StringComparison.Ordinal));

    [Fact]
    public async Task ReadsAndExports_AreCountedFromTheAudit_AndTakeTheTagOffTheReview()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp);
        await using var server = await ApiServer.StartAsync(root);
        var tag = await UnusedTagAsync(server);
        var before = await UsageAsync(server, tag);
        before.GetProperty("api_reads").GetInt64().ShouldBe(0);
        before.GetProperty("exports").GetInt64().ShouldBe(0);

        // Three reads of the tag's page, one export of a segment with the tag as a column: 3 reads, 1 export.
        for (var i = 0; i < 3; i++)
            (await server.SendAsync(HttpMethod.Get, "/api/v1/tags/" + Escaped(tag))).Status.ShouldBe(200);
        var segment = (await server.GetJsonAsync("/api/v1/segments")).EnumerateArray().First(s => s.GetProperty("size").ValueKind == JsonValueKind.Number)
            .GetProperty("name").GetString()!;
        using (var export = await server.Client.GetAsync($"/api/v1/segments/{Escaped(segment)}/export?tags={Escaped(tag)}", TestContext.Current.CancellationToken))
        {
            export.IsSuccessStatusCode.ShouldBeTrue(await export.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            (await export.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(tag);
        }

        var after = await UsageAsync(server, tag);
        after.GetProperty("api_reads").GetInt64().ShouldBe(3);
        after.GetProperty("exports").GetInt64().ShouldBe(1);
        after.GetProperty("last_used").ValueKind.ShouldBe(JsonValueKind.String);
        (await server.GetJsonAsync("/api/v1/activation/review?lang=en")).GetProperty("candidates").EnumerateArray()
            .Where(c => c.GetProperty("name").GetString() == tag).ShouldAllBe(c => !Unused(c));
        // The audit holds one row for the three reads, by the caller who made them.
        var rows = (await server.GetJsonAsync("/api/v1/audit?action=tag.read")).GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("target").GetString() == tag).ToList();
        rows.Count.ShouldBe(1);
        rows[0].GetProperty("after").GetString().ShouldBe("""{"reads":3}""");
        rows[0].GetProperty("actor").GetString().ShouldBe("test-admin");
    }

    [Fact]
    public async Task ReadsCountedBeforeAShutdown_AreInTheAuditAfterIt()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp);
        var store = "sqlite:" + Path.Combine(temp.Path, "control.db");
        string tag;
        await using (var server = await ApiServer.StartAsync(root, store: store))
        {
            tag = await UnusedTagAsync(server);
            for (var i = 0; i < 2; i++)
                (await server.SendAsync(HttpMethod.Get, "/api/v1/tags/" + Escaped(tag))).Status.ShouldBe(200);
        }
        await using (var server = await ApiServer.StartAsync(root, store: store))
            (await UsageAsync(server, tag)).GetProperty("api_reads").GetInt64().ShouldBe(2);
    }
}
