namespace TagCenter.Server.Tests.Api;

/// <summary>The server's frame: health, readiness, the OpenAPI document and /docs, errors as ProblemDetails in the request's language.</summary>
public sealed class HostingTests(DemoWorkspace demo)
{
    [Fact]
    public async Task Health_And_Ready_Answer()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        (await server.GetJsonAsync("/health")).GetProperty("status").GetString().ShouldBe("ok");
        var ready = await server.GetJsonAsync("/ready");
        ready.GetProperty("status").GetString().ShouldBe("ready");
        ready.GetProperty("workspace").GetString().ShouldBe("示例零售 (demo retail)");
    }

    [Fact]
    public async Task OpenApiDocument_And_Docs_AreServed()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        var document = await server.GetJsonAsync("/openapi/v1.json");
        document.GetProperty("info").GetProperty("title").GetString().ShouldBe("TagCenter API");
        document.GetProperty("paths").TryGetProperty("/ready", out _).ShouldBeTrue();
        using var docs = await server.Client.GetAsync(new Uri("/docs/", UriKind.Relative), TestContext.Current.CancellationToken);
        ((int)docs.StatusCode).ShouldBe(200);
        (await docs.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("TagCenter API");
    }

    [Theory]
    [InlineData("zh-CN,zh;q=0.9", "没有 GET /api/v1/nope 这个接口；接口列表见 /docs", "zh-CN")]
    [InlineData("en-US", "there is no GET /api/v1/nope; the endpoints are listed at /docs", "en")]
    [InlineData("fr-FR, zh;q=0.5", "没有 GET /api/v1/nope 这个接口；接口列表见 /docs", "zh-CN")]
    public async Task UnknownRoute_IsAProblem_InTheRequestsLanguage(string acceptLanguage, string detail, string contentLanguage)
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/nope", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        ((int)response.StatusCode).ShouldBe(404);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Content.Headers.ContentLanguage.ShouldBe([contentLanguage]);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        problem.GetProperty("code").GetString().ShouldBe("route_not_found");
        problem.GetProperty("detail").GetString().ShouldBe(detail);
        problem.GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Theory]
    [InlineData("{\"rule\": ")]
    [InlineData("{\"rule\": 5}")]
    [InlineData("")]
    public async Task UnreadableBody_IsA400_AboutTheBody_NotAMissingRoute(string body)
    {
        // Found by review: minimal APIs answered a body they could not bind with a bare 400, shown as "there is no POST …".
        await using var server = await ApiServer.StartAsync(demo.Root);
        var (status, problem) = await server.SendAsync(HttpMethod.Post, "/api/v1/segments/count", body);
        status.ShouldBe(400);
        problem.GetProperty("code").GetString().ShouldBe("invalid_body");
        problem.GetProperty("detail").GetString()!.ShouldStartWith("the request could not be read: ");
    }
}
