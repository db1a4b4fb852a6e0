using System.Net.Http.Headers;
using System.Text;
using TagCenter.Core.Governance;
using TagCenter.Server.Tests.Api;
using TagCenter.Server.Tests.Ingest;

namespace TagCenter.Server.Tests.Governance;

/// <summary>
/// One key system: an API key of role ingest sends events as a Segment write key does (Basic, Bearer, or writeKey
/// in the body) into the demo's one segment source; the source's declared write_key still works; a revoked ingest
/// key, or a key of another role, is refused like an unknown one and nothing is written.
/// </summary>
public sealed class IngestKeyTests(DemoWorkspace demo)
{
    [Fact]
    public async Task IngestApiKey_IsAWriteKey_InEveryPlaceSegmentSendsOne()
    {
        using var temp = new TempFolder();
        await using var server = await IngestServer.StartAsync(demo.Copy(temp));
        var (status, created) = await server.Api.SendAsync(HttpMethod.Post, "/api/v1/keys", new { role = "ingest", name = "mini-app" });
        status.ShouldBe(201);
        var key = created.GetProperty("key").GetString()!;

        (await PostAsync(server, IngestServer.Basic(key), Body(null, "m1"))).ShouldBe(200);
        (await PostAsync(server, "Bearer " + key, Body(null, "m2"))).ShouldBe(200);
        (await PostAsync(server, null, Body(key, "m3"))).ShouldBe(200);
        (await PostAsync(server, IngestServer.Basic(IngestServer.Key), Body(null, "m4"))).ShouldBe(200); // the declared write_key
        server.Ingest.Log.NextOffset.ShouldBe(4);
        await server.CaughtUpAsync();
        (await server.CountAsync("SELECT count(*) FROM src_sdk_events WHERE event_id IN ('m1', 'm2', 'm3', 'm4')")).ShouldBe(4);

        var id = created.GetProperty("record").GetProperty("id").GetString()!;
        (await server.Api.SendAsync(HttpMethod.Post, $"/api/v1/keys/{id}/revoke")).Status.ShouldBe(204);
        (await PostAsync(server, IngestServer.Basic(key), Body(null, "m5"))).ShouldBe(401);
        server.Ingest.Log.NextOffset.ShouldBe(4);
    }

    [Fact]
    public async Task KeyOfAnotherRole_IsNotAWriteKey()
    {
        using var temp = new TempFolder();
        await using var server = await IngestServer.StartAsync(demo.Copy(temp));
        foreach (var role in new[] { "marketer", "admin" })
        {
            var (_, created) = await server.Api.SendAsync(HttpMethod.Post, "/api/v1/keys", new { role, name = role });
            var key = created.GetProperty("key").GetString()!;
            (await PostAsync(server, IngestServer.Basic(key), Body(null, role))).ShouldBe(401, role);
            (await PostAsync(server, null, Body(key, role))).ShouldBe(401, role);
        }
        server.Ingest.Log.NextOffset.ShouldBe(0);
        // An ingest key reads nothing.
        var ingest = await server.Api.ClientForAsync(Role.Ingest);
        (await ApiServer.SendAsync(ingest, HttpMethod.Get, "/api/v1/segments")).Status.ShouldBe(403);
    }

    private static string Body(string? writeKey, string messageId) =>
        "{" + (writeKey is null ? "" : $"\"writeKey\":\"{writeKey}\",") +
        $"\"batch\":[{{\"type\":\"track\",\"event\":\"Key Test\",\"userId\":\"key-user\",\"messageId\":\"{messageId}\",\"timestamp\":\"2026-11-20T08:00:00Z\"}}]}}";

    private static async Task<int> PostAsync(IngestServer server, string? authorization, string body)
    {
        using var client = server.Api.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/batch", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (int)response.StatusCode;
    }
}
