using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Tests.Api;

/// <summary>
/// The whole server application in memory (ASP.NET's TestServer: the same pipeline, endpoints and services as
/// <c>tagcenter serve</c>, without sockets) over a workspace, with a client that talks to it.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    private ApiServer(WebApplication app)
    {
        App = app;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static async Task<ApiServer> StartAsync(string workspaceRoot, Action<WebApplicationBuilder>? configure = null)
    {
        var app = ServerApp.Build(new ServerOptions { WorkspaceRoot = workspaceRoot }, builder =>
        {
            builder.WebHost.UseTestServer();
            configure?.Invoke(builder);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new ApiServer(app);
    }

    /// <summary>The API's JSON (snake_case), for reading responses.</summary>
    public static JsonSerializerOptions Json { get; } = CreateJson();

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.IsSuccessStatusCode.ShouldBeTrue($"GET {path} → {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null, string? language = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
            request.Content = body is string raw ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json") : JsonContent.Create(body, options: Json);
        if (language is not null)
            request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        ServerApp.Json(options);
        return options;
    }
}
