using System.Text.Json;
using TagCenter.Core.Governance;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Governance;

/// <summary>
/// Every operation in the served OpenAPI document refuses a request without a credential (401) and one whose key
/// lacks the operation's scope (403), both as ProblemDetails. Endpoints added later are covered as they appear.
/// </summary>
public sealed class RouteEnumerationTests(DemoWorkspace demo)
{
    private static readonly HttpMethod[] Methods = [HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete];

    [Fact]
    public async Task EveryOperation_WithoutCredential_Is401()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        var anonymous = server.Anonymous();
        var operations = await OperationsAsync(server);
        operations.Count.ShouldBeGreaterThan(8);
        var open = new List<string>();
        foreach (var (method, path, _) in operations)
        {
            var (status, body) = await ApiServer.SendAsync(anonymous, method, path, method == HttpMethod.Get ? null : "{}");
            if (path == "/health")
            {
                status.ShouldBe(200);
                continue;
            }
            // Segment-compatible ingest answers with its own code (a write key is its credential): any 401 problem will do.
            if (status != 401 || body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("code", out _))
                open.Add($"{method} {path} → {status}");
        }
        open.ShouldBeEmpty();
    }

    [Fact]
    public async Task EveryOperation_WithAKeyOfTooSmallAScope_Is403()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        // For each scope, a key holding every other scope but that one (admin holds all, so admin has no test here).
        var lacking = new Dictionary<string, HttpClient>
        {
            ["read"] = await server.ClientForAsync(Role.Ingest),
            ["write"] = await server.ClientForAsync(Role.Viewer),
            ["admin"] = await server.ClientForAsync(Role.Analyst),
            ["ingest"] = await server.ClientForAsync(Role.Analyst),
        };
        var wrong = new List<string>();
        foreach (var (method, path, scope) in await OperationsAsync(server))
        {
            if (scope == "none")
                continue;
            if (!lacking.TryGetValue(scope, out var client))
            {
                wrong.Add($"{method} {path} declares no scope ({scope}): add .RequireScope(...)");
                continue;
            }
            var (status, body) = await ApiServer.SendAsync(client, method, path, method == HttpMethod.Get ? null : "{}");
            if (status != 403 || body.GetProperty("code").GetString() != "forbidden")
                wrong.Add($"{method} {path} (needs {scope}) → {status}");
        }
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task UnknownOrRevokedKey_Is401()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        var (status, body) = await ApiServer.SendAsync(server.ClientWithKey("tc_not-a-key"), HttpMethod.Get, "/ready");
        status.ShouldBe(401);
        body.GetProperty("detail").GetString().ShouldBe("the API key is unknown or revoked");
        foreach (var path in new[] { "/openapi/v1.json", "/docs/", "/api/v1/nope" })
            (await ApiServer.SendAsync(server.Anonymous(), HttpMethod.Get, path)).Status.ShouldBe(401, path);
    }

    [Fact]
    public async Task BasicAuth_WithTheKeyAsUserName_Works()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        var client = server.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(server.AdminKey + ":")));
        (await ApiServer.SendAsync(client, HttpMethod.Get, "/ready")).Status.ShouldBe(200);
    }

    /// <summary>(method, path with parameters filled in, the scope the document says it needs).</summary>
    private static async Task<List<(HttpMethod Method, string Path, string Scope)>> OperationsAsync(ApiServer server) =>
        [.. (await TemplatesAsync(server)).Select(o => (o.Method, Fill(o.Template), o.Scope))];

    /// <summary>(method, path template such as <c>/api/v1/segments/{name}</c>, scope) of every operation in the served document.</summary>
    internal static async Task<List<(HttpMethod Method, string Template, string Scope)>> TemplatesAsync(ApiServer server)
    {
        var document = await server.GetJsonAsync("/openapi/v1.json");
        var result = new List<(HttpMethod, string, string)>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var method in Methods)
                if (path.Value.TryGetProperty(method.Method.ToLowerInvariant(), out var operation))
                    result.Add((method, path.Name, operation.TryGetProperty("x-required-scope", out var s) ? s.GetString()! : "missing"));
        return result;
    }

    private static string Fill(string template) => // "1" fits every parameter, also those constrained to numbers ({id:long})
        System.Text.RegularExpressions.Regex.Replace(template, "{[^}]+}", "1");
}
