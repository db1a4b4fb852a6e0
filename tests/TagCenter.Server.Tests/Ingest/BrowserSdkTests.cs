using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Ingest;

/// <summary>
/// What the browser SDK, analytics.js (@segment/analytics-next 1.84), sends: each call to <c>/v1/</c> and the type's
/// first letter, or batched to <c>/v1/b</c>; <c>Content-Type: text/plain</c>, the write key as Basic user name and in
/// the body, <c>userId: null</c> for a visitor; from the shop's own origin, so the browser sends a CORS preflight first.
/// </summary>
public sealed class BrowserSdkTests(DemoWorkspace demo)
{
    private const string Origin = "https://shop.example.com";

    /// <summary>One call as analytics-next's segmentio plugin normalizes it (its shape, with this test's values).</summary>
    private static string Call(string type, string fields, string messageId) => $$$"""
        {"timestamp":"2026-11-24T08:00:00.000Z","integrations":{},"type":"{{{type}}}",{{{fields}}},
         "anonymousId":"0b6a0c0e-5b9e-4c55-9d1e-0f7f2a0a6f11","userId":null,
         "context":{"page":{"path":"/p/8","referrer":"","search":"","title":"商品","url":"https://shop.example.com/p/8"},
                    "userAgent":"Mozilla/5.0","locale":"zh-CN","library":{"name":"analytics.js","version":"npm:next-1.84.3"}},
         "messageId":"{{{messageId}}}","writeKey":"{{{IngestServer.Key}}}","sentAt":"2026-11-24T08:00:00.012Z",
         "_metadata":{"bundled":["Segment.io"],"unbundled":[],"bundledIds":[]}}
        """;

    [Fact]
    public async Task ShortPaths_AsAnalyticsJsPostsThem_AreTheCallTypes()
    {
        using var temp = new TempFolder();
        await using var server = await IngestServer.StartAsync(demo.Copy(temp));
        var client = server.Api.Anonymous();
        (string Path, string Body)[] calls =
        [
            ("/v1/p", Call("page", "\"name\":\"商品\",\"properties\":{\"path\":\"/p/8\"}", "ajs-next-1")),
            ("/v1/t", Call("track", "\"event\":\"Product Viewed\",\"properties\":{\"product_id\":\"sku-8\",\"category\":\"Beauty\"}", "ajs-next-2")),
            ("/v1/i", Call("identify", "\"traits\":{\"email\":\"visitor@example.com\"}", "ajs-next-3")),
        ];
        foreach (var (path, body) in calls)
        {
            var (status, text) = await PostAsync(client, path, body);
            status.ShouldBe(200, $"{path}: {text}");
        }
        await server.CaughtUpAsync();

        // The other three short paths are the other three call types.
        (string Path, string Body)[] others =
        [
            ("/v1/s", Call("screen", "\"name\":\"Cart\"", "ajs-next-4")),
            ("/v1/g", Call("group", "\"groupId\":\"g-42\",\"traits\":{\"name\":\"ACME\"}", "ajs-next-5")),
            ("/v1/a", Call("alias", "\"previousId\":\"0b6a0c0e\",\"userId\":\"u-9\"", "ajs-next-6").Replace("\"userId\":null,", "", StringComparison.Ordinal)),
        ];
        foreach (var (path, body) in others)
        {
            var (status, text) = await PostAsync(client, path, body);
            status.ShouldBe(200, $"{path}: {text}");
        }
        server.Ingest.Log.NextOffset.ShouldBe(6);

        var rows = await server.RowsAsync("SELECT event_id, type, event FROM src_sdk_events WHERE event_id IN ('ajs-next-1', 'ajs-next-2', 'ajs-next-3') ORDER BY _line");
        rows.Select(r => $"{r[0]} {r[1]} {r[2]}").ShouldBe(["ajs-next-1 page ", "ajs-next-2 track Product Viewed", "ajs-next-3 identify "]);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/plain;charset=UTF-8")]
    [InlineData("application/json;charset=UTF-8")]
    [InlineData(null)]
    public async Task AnyContentTypeAnSdkSends_IsRead(string? contentType)
    {
        using var temp = new TempFolder();
        await using var server = await IngestServer.StartAsync(demo.Copy(temp));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/t") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Call("track", "\"event\":\"Product Viewed\"", "ajs-ct"))) };
        request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(IngestServer.Basic(IngestServer.Key));

        using var response = await server.Api.Anonymous().SendAsync(request, TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(200, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        server.Ingest.Log.NextOffset.ShouldBe(1);
    }

    [Fact]
    public async Task BatchingPath_B_TakesTheBatchWithTheKeyInTheBody()
    {
        using var temp = new TempFolder();
        await using var server = await IngestServer.StartAsync(demo.Copy(temp));
        var body = $$"""{"writeKey":"{{IngestServer.Key}}","sentAt":"2026-11-24T08:00:01.000Z","batch":[{{Call("track", "\"event\":\"Product Viewed\"", "ajs-b-1")}},{{Call("page", "\"name\":\"首页\"", "ajs-b-2")}}]}""";

        var (status, text) = await PostAsync(server.Api.Anonymous(), "/v1/b", body, basic: false);

        status.ShouldBe(200, text);
        JsonDocument.Parse(text).RootElement.GetProperty("success").GetBoolean().ShouldBeTrue();
        server.Ingest.Log.NextOffset.ShouldBe(2);
    }

    [Fact]
    public async Task RudderStackJs_AnEmptyUserId_IsNoIdentifier_TwoVisitorsStayTwoPersons()
    {
        // RudderStack's JS SDK (v3) sends userId "" for a visitor, originalTimestamp, and the anonymous id in a header too.
        using var temp = new TempFolder();
        await using var server = await IngestServer.StartAsync(demo.Copy(temp));
        var client = server.Api.Anonymous();
        foreach (var visitor in new[] { "rs-anon-1", "rs-anon-2" })
        {
            var body = $$$"""
                {"channel":"web","type":"track","event":"Product Viewed","properties":{"product_id":"sku-8"},
                 "userId":"","anonymousId":"{{{visitor}}}","messageId":"rs-{{{visitor}}}","originalTimestamp":"2026-11-24T08:00:00.000Z",
                 "sentAt":"2026-11-24T08:00:00.010Z","integrations":{"All":true},
                 "context":{"library":{"name":"RudderLabs JavaScript SDK","version":"3.11.0"},"locale":"zh-CN"}}
                """;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/track") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Content.Headers.ContentType!.CharSet = "UTF-8";
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(IngestServer.Basic(IngestServer.Key));
            request.Headers.Add("AnonymousId", Convert.ToBase64String(Encoding.UTF8.GetBytes(visitor)));
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            ((int)response.StatusCode).ShouldBe(200, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        await server.CaughtUpAsync();

        (await server.CountAsync("SELECT count(DISTINCT oneid) FROM fact_events WHERE _source = 'sdk_events'")).ShouldBe(2);
        (await server.CountAsync("SELECT count(*) FROM identity_map WHERE trim(value) = ''")).ShouldBe(0);
    }

    [Fact]
    public async Task Preflight_FromAShopsOrigin_IsAllowedForIngest_NotForTheApi()
    {
        using var temp = new TempFolder();
        await using var server = await IngestServer.StartAsync(demo.Copy(temp));
        var client = server.Api.Anonymous();

        foreach (var path in new[] { "/v1/t", "/v1/b", "/v1/batch", "/v1/identify" })
        {
            using var response = await PreflightAsync(client, path);
            ((int)response.StatusCode).ShouldBe(204, path);
            response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["*"], path);
            response.Headers.GetValues("Access-Control-Allow-Methods").Single().ShouldContain("POST");
            response.Headers.GetValues("Access-Control-Allow-Headers").Single().ToLowerInvariant().ShouldContain("authorization");
            response.Headers.GetValues("Access-Control-Max-Age").ShouldBe(["86400"]);
        }
        // The resource API is the console's (same origin): no other origin is told it may call it.
        using (var api = await PreflightAsync(client, "/api/v1/segments/count"))
            api.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        // The call itself says so too, or the browser would hide the answer from the SDK.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/t") { Content = Text(Call("track", "\"event\":\"Product Viewed\"", "ajs-cors-1")) };
        request.Headers.Add("Origin", Origin);
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(IngestServer.Basic(IngestServer.Key));
        using var call = await client.SendAsync(request, TestContext.Current.CancellationToken);
        ((int)call.StatusCode).ShouldBe(200);
        call.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["*"]);
    }

    private static async Task<HttpResponseMessage> PreflightAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-retry-count");
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<(int Status, string Body)> PostAsync(HttpClient client, string path, string body, bool basic = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Text(body) };
        if (basic)
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(IngestServer.Basic(IngestServer.Key));
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    // analytics.js sends text/plain: a "simple" content type (Authorization still makes the browser ask first).
    private static StringContent Text(string body) => new(body, Encoding.UTF8, "text/plain");
}
