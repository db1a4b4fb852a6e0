using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TagCenter.Server.Tests.Governance;

namespace TagCenter.Server.Tests.Api;

/// <summary>
/// Every operation of the served OpenAPI document, as an admin, with odd path values (a traversal, a control character, 3,000
/// characters, a number too large for a long) and odd bodies (not JSON, the wrong types, a rule of 10,000 brackets,
/// nesting 300 deep): a 4xx problem with a code, never a 5xx, and the server still answers afterwards. Endpoints added
/// later are covered as they appear. On a copy of the demo workspace, since deletes and applies go through.
/// </summary>
public sealed class OddInputTests(DemoWorkspace demo)
{
    // No %00: a NUL in the path never reaches the app (Kestrel answers 400 itself; TestServer's client refuses to send it).
    private static readonly string[] PathValues =
    [
        "1", "..%2F..%2Fetc%2Fpasswd", "%E4%B8%8D%E5%AD%98%E5%9C%A8", "a%01b", new('x', 3000), "-1", "99999999999999999999999", "%20",
    ];

    private static readonly string?[] BodyValues =
    [
        null, "", "{}", "[]", "null", "0", "\"text\"", "{", "{\"a\":", "\u0000",
        "{\"name\":1,\"rule\":[],\"steps\":\"x\",\"limit\":\"many\"}",
        "{\"name\":null,\"rule\":null,\"description\":null,\"tags\":null}",
        "{\"name\":\"x\",\"rule\":\"age >\"}",
        "{\"name\":\"x\",\"rule\":\"" + new string('(', 10_000) + "\"}",
        "{\"name\":\"../../x\",\"rule\":\"age > 18\"}",
        "{\"name\":\"" + new string('名', 5000) + "\",\"rule\":\"age > 18\"}",
        "{\"rule\":\"age > 18\",\"limit\":-5,\"offset\":-1,\"within\":\"-1d\",\"steps\":[]}",
        "{\"steps\":[\"a\"],\"within\":\"99999999d\",\"segments\":[\"\",\"\"],\"by\":\"\"}",
        new string('[', 300) + new string(']', 300),
        "{\"a\":" + new string('[', 300) + new string(']', 300) + "}",
    ];

    private static readonly string[] Queries = ["", "?limit=-1&offset=x&page=0&size=99999999999&q=%00", "?limit=0&cursor=%FF%FE"];

    [Fact]
    public async Task EveryOperation_OddPathsBodiesAndQueries_NeverA5xx()
    {
        using var temp = new TempFolder();
        await using var server = await ApiServer.StartAsync(demo.Copy(temp));
        var templates = await RouteEnumerationTests.TemplatesAsync(server);
        templates.Count.ShouldBeGreaterThan(40);
        var faults = new List<string>();
        var statuses = new Dictionary<int, int>();
        var requests = 0;
        foreach (var (method, template, _) in templates)
        {
            // A stream answers for as long as the client listens: its odd names are checked by the stream's own tests.
            if (template.Contains("/stream/", StringComparison.Ordinal))
                continue;
            var hasBody = method != HttpMethod.Get && method != HttpMethod.Delete;
            foreach (var value in PathValues)
                foreach (var query in method == HttpMethod.Get ? Queries : [""])
                {
                    requests++;
                    await SendAsync(server, method, Fill(template, value) + query, hasBody ? "{}" : null, faults, statuses);
                }
            if (hasBody)
                foreach (var body in BodyValues)
                {
                    requests++;
                    await SendAsync(server, method, Fill(template, "1"), body, faults, statuses);
                }
        }
        faults.ShouldBeEmpty($"{faults.Count} of {requests} requests");
        (await server.GetJsonAsync("/health")).GetProperty("status").GetString().ShouldBe("ok");
        await server.GetJsonAsync("/api/v1/segments");
        // The odd inputs reached the endpoints' own checks: refused as unknown (404) and as malformed (400), not only as one.
        statuses.Keys.ShouldContain(400);
        statuses.Keys.ShouldContain(404);
    }

    private static async Task SendAsync(ApiServer server, HttpMethod method, string path, string? body, List<string> faults, Dictionary<int, int> statuses)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var label = $"{method} {Shorten(path)} {Shorten(body ?? "(no body)")}";
        try
        {
            using var response = await server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
                faults.Add($"{label} → {status}: {Shorten(await response.Content.ReadAsStringAsync(timeout.Token))}");
            else if (status >= 400 && !await IsProblemAsync(response, timeout.Token))
                faults.Add($"{label} → {status} without a problem body with a code");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            faults.Add($"{label} → {e.GetType().Name}: {Shorten(e.Message)}");
        }
    }

    private static async Task<bool> IsProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("code", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Fill(string template, string value) => System.Text.RegularExpressions.Regex.Replace(template, "{[^}]+}", value);

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + $"…({text.Length})";
}
