using System.Net;
using System.Net.Http.Headers;
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

    private HttpClient Client()
    {
        var http = _clients.CreateClient(HttpClientName);
        http.BaseAddress = _address.Base;
        return http;
    }

    /// <summary>Checks a key at sign-in: 200 when it may read, 401 unknown, 403 without the read scope.</summary>
    internal static async Task<HttpStatusCode> CheckKeyAsync(IHttpClientFactory clients, ApiAddress address, string key, CancellationToken cancellationToken)
    {
        using var http = clients.CreateClient(HttpClientName);
        http.BaseAddress = address.Base;
        // Who the key is answers from the key alone; the workspace status runs queries on a reader connection of the engine.
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/me");
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
