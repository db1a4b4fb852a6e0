using Microsoft.Extensions.DependencyInjection;
using TagCenter.Server.Realtime;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Ingest;

/// <summary>
/// An apply that changes tagcenter.yaml while the server runs: the events that arrive afterwards are taken with the
/// workspace as it now is: the write keys, the consumer's mapping, the live path's mapping, without a restart.
/// </summary>
public sealed class AppliedDefinitionTests(DemoWorkspace demo) : IDisposable
{
    private readonly TempFolder _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AfterAnApply_ChangesAMapping_TheConsumerAppliesNewEventsWithIt()
    {
        var root = demo.Copy(_temp);
        await using var server = await IngestServer.StartAsync(root);
        (await server.PostAsync("/v1/batch", Track("before-1", "page_view", """{"category":"鞋","cat":"包"}"""))).Status.ShouldBe(200);
        await server.SettledAsync();

        Edit(root, "category: { from: properties.category }", "category: { from: properties.cat }");
        await ApplyAsync(server);
        (await server.PostAsync("/v1/batch", Track("after-1", "page_view", """{"category":"鞋","cat":"包"}"""))).Status.ShouldBe(200);
        await server.SettledAsync();

        var rows = await server.RowsAsync("SELECT event_id, category FROM src_sdk_events WHERE event_id IN ('before-1', 'after-1') ORDER BY event_id");
        rows.Select(r => ((string)r[0]!, (string?)r[1])).ShouldBe([("after-1", "包"), ("before-1", "鞋")]);
    }

    [Fact]
    public async Task AfterAnApply_AddsAnEventSource_ItsWriteKeyIsTaken()
    {
        var root = demo.Copy(_temp);
        await using var server = await IngestServer.StartAsync(root);
        (await server.PostAsync("/v1/batch", Track("app-0", "page_view", "{}", key: "wk_app_456"), key: "wk_app_456")).Status.ShouldBe(401, "no source has this key yet");

        Edit(root, "  sdk_events:\n", """
              partner_events:
                kind: segment
                write_key: wk_app_456
                fact: partner_events
                event_time: ts
                columns:
                  event_id: { from: messageId, required: true }
                  event: { from: event }
                  user_id: { from: userId, identifier: user_id }
                  anonymous_id: { from: anonymousId, identifier: anonymous_id }
                  ts: { from: timestamp, type: timestamp, required: true }

              sdk_events:

            """);
        await ApplyAsync(server);
        (await server.PostAsync("/v1/batch", Track("app-1", "page_view", "{}", key: "wk_app_456"), key: "wk_app_456")).Status.ShouldBe(200, "the key of the source the apply added");
        await server.SettledAsync();
        (await server.RowsAsync("SELECT event FROM src_partner_events WHERE event_id = 'app-1'")).Select(r => r[0]).ShouldBe(["page_view"]);
    }

    [Fact]
    public async Task AfterAnApply_ChangesTheEventMapping_TheLivePathAndTheCommittedPathCountWithIt()
    {
        // The visit rule counts page_view and app_start. After the apply, an event's name is taken from
        // properties.name: a "clicked" track named page_view there is a visit, for both paths.
        var root = demo.Copy(_temp);
        await using var server = await IngestServer.StartAsync(root);
        var live = server.Api.App.Services.GetRequiredService<LiveRealtime>();
        var oneId = await server.IdentifyAsync("u-apply");
        async Task<long> StoredVisitsAsync() => Convert.ToInt64((await server.RowsAsync("SELECT coalesce(visits_30d, 0) FROM person_tags WHERE oneid = $1", oneId))[0][0]);
        (await server.PostAsync("/v1/batch", Track("named-1", "clicked", """{"name":"page_view"}""", "u-apply"))).Status.ShouldBe(200);
        await server.SettledAsync();
        var before = await StoredVisitsAsync();

        Edit(root, "event: { from: event }", "event: { from: properties.name }");
        await ApplyAsync(server);
        (await server.PostAsync("/v1/batch", Track("named-2", "clicked", """{"name":"page_view"}""", "u-apply"))).Status.ShouldBe(200);
        await server.SettledAsync();

        (await StoredVisitsAsync()).ShouldBe(before + 1, "the committed path: the event is a page view under the new mapping");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (live.Evaluator.Person(oneId) is not { } state || Convert.ToInt64(state.Tags["visits_30d"]) != before + 1)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException($"the live path has {live.Evaluator.Person(oneId)?.Tags["visits_30d"]} visits, not {before + 1}: {live.Last}");
            await Task.Delay(10, Ct);
        }
    }

    private static void Edit(string root, string from, string to)
    {
        var path = Path.Combine(root, "tagcenter.yaml");
        var text = File.ReadAllText(path);
        text.ShouldContain(from);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static async Task ApplyAsync(IngestServer server)
    {
        var (status, body) = await server.Api.SendAsync(HttpMethod.Post, "/api/v1/apply");
        status.ShouldBe(200, body.ToString());
    }

    private static byte[] Track(string messageId, string name, string properties, string? userId = null, string key = IngestServer.Key) => Bodies.Bytes($$$"""
        {"batch":[{"type":"track","event":"{{{name}}}",{{{(userId is null ? "\"anonymousId\":\"anon-apply\"" : $"\"userId\":\"{userId}\"")}}},"properties":{{{properties}}},"messageId":"{{{messageId}}}","timestamp":"{{{TimeProvider.System.GetUtcNow():O}}}"}],"writeKey":"{{{key}}}"}
        """);

    public void Dispose() => _temp.Dispose();
}
