using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Components.Authorization;
using TagCenter.Client;
using TagCenter.Core.Text;
using TagCenter.Web.Hosting;
using TagCenter.Web.Text;

namespace TagCenter.Web.Api;

/// <summary>
/// The console's calls to the API, with the signed-in user's key and language. Everything a page shows comes
/// through here, so the API's rules (scopes, business lines, PII masking) apply to the console as to any caller.
/// </summary>
internal sealed class ConsoleApi
{
    internal const string HttpClientName = "tagcenter-console";

    /// <summary>The API's JSON: snake_case, enums as snake_case text.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly IHttpClientFactory _clients;
    private readonly ApiAddress _address;
    private readonly AuthenticationStateProvider _auth;
    private readonly ConsoleLanguage _language;

    public ConsoleApi(IHttpClientFactory clients, ApiAddress address, AuthenticationStateProvider auth, ConsoleLanguage language)
    {
        _clients = clients;
        _address = address;
        _auth = auth;
        _language = language;
    }

    /// <summary>
    /// Calls the API through the typed client (<see cref="TagCenterClient"/>) with the signed-in user's key and
    /// language; its errors become <see cref="ConsoleApiException"/> with the server's message and diagnostics.
    /// </summary>
    public async Task<T> CallAsync<T>(Func<TagCenterClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken = default)
    {
        var state = await _auth.GetAuthenticationStateAsync().ConfigureAwait(false);
        using var http = Client();
        using var client = new TagCenterClient(http, new TagCenterClientOptions
        {
            ApiKey = state.User.FindFirst(ConsoleAuth.KeyClaim)?.Value,
            Language = _language.Current == Language.Zh ? "zh" : "en",
            MaxRetries = 0,
        });
        try
        {
            return await call(client, cancellationToken).ConfigureAwait(false);
        }
        catch (TagCenterApiException e)
        {
            throw new ConsoleApiException((int)e.Status, e.Code, e.Detail ?? e.Message,
                [.. e.Diagnostics.Select(d => new RuleDiagnostic(d.Line ?? 1, d.Column ?? 1, d.Message ?? ""))]);
        }
    }

    /// <summary>A GET whose answer the console only lists (keys, audit): the raw JSON, through the same key and errors.</summary>
    public Task<T> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            var state = await _auth.GetAuthenticationStateAsync().ConfigureAwait(false);
            var key = state.User.FindFirst(ConsoleAuth.KeyClaim)?.Value;
            if (key is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(_language.Current == Language.Zh ? "zh-CN" : "en"));
            using var http = Client();
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw await ErrorAsync(response, cancellationToken).ConfigureAwait(false);
            return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false))!;
        }
    }

    private HttpClient Client()
    {
        var http = _clients.CreateClient(HttpClientName);
        http.BaseAddress = _address.Base;
        return http;
    }

    private async Task<ConsoleApiException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            var root = doc.RootElement;
            var code = root.TryGetProperty("code", out var c) ? c.GetString() ?? "error" : "error";
            var detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
            var diagnostics = root.TryGetProperty("diagnostics", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(x => new RuleDiagnostic(
                    x.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : 1,
                    x.TryGetProperty("column", out var col) && col.ValueKind == JsonValueKind.Number ? col.GetInt32() : 1,
                    x.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "")).ToList()
                : null;
            return new ConsoleApiException(status, code, detail ?? _language.T("console.error.status", status), diagnostics);
        }
        catch (JsonException)
        {
            return new ConsoleApiException(status, "error", _language.T("console.error.status", status));
        }
    }

    /// <summary>Checks a key at sign-in: 200 when it may read, 401 unknown, 403 without the read scope.</summary>
    internal static async Task<HttpStatusCode> CheckKeyAsync(IHttpClientFactory clients, ApiAddress address, string key, CancellationToken cancellationToken)
    {
        using var http = clients.CreateClient(HttpClientName);
        http.BaseAddress = address.Base;
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/status");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return HttpStatusCode.BadGateway;
        }
    }
}
