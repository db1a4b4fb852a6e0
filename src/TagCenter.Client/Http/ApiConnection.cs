using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TagCenter.Client;

/// <summary>
/// The one place requests are made: adds the key and the language, marks which requests may be repeated, and turns
/// every non-success answer into a <see cref="TagCenterApiException"/> carrying the server's ProblemDetails.
/// </summary>
internal sealed class ApiConnection(HttpClient http, TagCenterClientOptions options)
{
    /// <summary>The API's routes, relative to the base address.</summary>
    public const string Api = "api/v1/";

    public HttpClient Http { get; } = http;

    public TagCenterClientOptions Options { get; } = options;

    public Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Get, path, null, repeatable: true, cancellationToken);

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, bool repeatable, CancellationToken cancellationToken)
    {
        using var request = Request(method, path, body, repeatable);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task SendAsync(HttpMethod method, string path, object? body, bool repeatable, CancellationToken cancellationToken)
    {
        using var request = Request(method, path, body, repeatable);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<T>(ClientJson.Options, cancellationToken).ConfigureAwait(false)
            ?? throw new TagCenterApiException($"{(int)response.StatusCode}: empty answer from {response.RequestMessage?.RequestUri}");

    /// <summary>A request with the caller's key and language; <paramref name="repeatable"/> lets the retry handler send it again.</summary>
    public HttpRequestMessage Request(HttpMethod method, string path, object? body, bool repeatable)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
            request.Content = body as HttpContent ?? JsonContent.Create(body, body.GetType(), options: ClientJson.Options);
        if (Options.ApiKey is { Length: > 0 } key && Http.DefaultRequestHeaders.Authorization is null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (Options.Language is { Length: > 0 } language)
            request.Headers.AcceptLanguage.ParseAdd(language);
        request.Options.Set(TagCenterRetry.Repeatable, repeatable);
        return request;
    }

    /// <summary>Sends <paramref name="request"/>; an answer that is not a success is thrown as <see cref="TagCenterApiException"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        var response = await Http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
            return response;
        using (response)
            throw await ProblemAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The error the server answered: its ProblemDetails, or what can be said of a body that is not one.</summary>
    public static async Task<TagCenterApiException> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var status = response.StatusCode;
        string code = "http_" + (int)status;
        string? title = response.ReasonPhrase, detail = null, trace = null, type = null, instance = null;
        var diagnostics = new List<ApiDiagnostic>();
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                code = Text(root, "code") ?? code;
                title = Text(root, "title") ?? title;
                detail = Text(root, "detail") ?? Text(root, "message") ?? Text(root, "error");
                trace = Text(root, "trace_id") ?? Text(root, "traceId");
                type = Text(root, "type");
                instance = Text(root, "instance");
                if (root.TryGetProperty("diagnostics", out var list) && list.ValueKind == JsonValueKind.Array)
                    diagnostics.AddRange(list.EnumerateArray().Select(d => new ApiDiagnostic(Text(d, "file"), Number(d, "line"), Number(d, "column"), Text(d, "message"))));
            }
        }
        catch (JsonException)
        {
            detail = body.Length > 500 ? body[..500] : body;
        }
        return new TagCenterApiException(status == 0 ? HttpStatusCode.InternalServerError : status, code, title, detail, trace, type, instance, diagnostics, body);
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Number(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;
}
