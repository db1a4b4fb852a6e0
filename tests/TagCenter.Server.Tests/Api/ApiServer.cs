using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Tests.Api;

/// <summary>
/// The whole server application in memory (ASP.NET's TestServer: the same pipeline, endpoints and services as
/// <c>tagcenter serve</c>, without sockets) over a workspace, with a client that talks to it as an admin with
/// pii:read, and clients of any role (<see cref="ClientForAsync"/>) or none (<see cref="Anonymous"/>).
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    private readonly List<HttpClient> _clients = [];

    private ApiServer(WebApplication app, string store, string? storeFolder, string adminKey)
    {
        App = app;
        Store = store;
        _storeFolder = storeFolder;
        AdminKey = adminKey;
        Client = WithKey(app.GetTestClient(), adminKey);
    }

    private readonly string? _storeFolder;

    public WebApplication App { get; }

    /// <summary>A client acting as an admin with pii:read (its key was created in the server's store before it started).</summary>
    public HttpClient Client { get; }

    /// <summary>The admin key <see cref="Client"/> sends.</summary>
    public string AdminKey { get; }

    /// <summary>The server's control store, as <c>--store</c> names it (for the CLI: <c>tagcenter audit --store …</c>).</summary>
    public string Store { get; }

    /// <summary>
    /// Starts the app over <paramref name="workspaceRoot"/>. Its control store (users, keys, audit, drafts) is a SQLite
    /// file of this server's own outside the workspace, so servers over the shared demo workspace never write into it;
    /// pass <paramref name="store"/> (<c>postgres://…</c>, <c>Host=…</c>, <c>sqlite:…</c>) to use another.
    /// </summary>
    public static async Task<ApiServer> StartAsync(string workspaceRoot, Action<WebApplicationBuilder>? configure = null, string? store = null)
    {
        string? folder = null;
        if (store is null)
        {
            folder = Path.Combine(Path.GetTempPath(), "tc-api-store-" + Guid.NewGuid().ToString("N"));
            store = "sqlite:" + Path.Combine(folder, "control.db");
        }
        string adminKey;
        await using (var control = await Stores.ControlStores.OpenAsync(store, workspaceRoot, TestContext.Current.CancellationToken))
            adminKey = (await new Stores.Accounts(control, TimeProvider.System).CreateKeyAsync("test", "test-admin", Core.Governance.Role.Admin, null, piiRead: true,
                TestContext.Current.CancellationToken)).Key;
        var app = ServerApp.Build(new ServerOptions { WorkspaceRoot = workspaceRoot, Store = store }, builder =>
        {
            builder.WebHost.UseTestServer();
            configure?.Invoke(builder);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new ApiServer(app, store, folder, adminKey);
    }

    /// <summary>A client with a new key of <paramref name="role"/>, acting as <paramref name="name"/> (default: the role's name).</summary>
    public async Task<HttpClient> ClientForAsync(Core.Governance.Role role, string? line = null, bool pii = false, string? name = null)
    {
        var accounts = App.Services.GetRequiredService<Stores.Accounts>();
        var (_, key) = await accounts.CreateKeyAsync("test", name ?? Core.Governance.Roles.Name(role) + (line is null ? "" : "@" + line), role, line, pii,
            TestContext.Current.CancellationToken);
        return Track(WithKey(App.GetTestClient(), key));
    }

    /// <summary>A client that sends no credential.</summary>
    public HttpClient Anonymous() => Track(App.GetTestClient());

    /// <summary>A client sending <paramref name="key"/> as a Bearer token.</summary>
    public HttpClient ClientWithKey(string key) => Track(WithKey(App.GetTestClient(), key));

    private HttpClient Track(HttpClient client)
    {
        lock (_clients)
            _clients.Add(client);
        return client;
    }

    private static HttpClient WithKey(HttpClient client, string key)
    {
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
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

    public Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null, string? language = null) =>
        SendAsync(Client, method, path, body, language);

    /// <summary>A request through <paramref name="client"/> (one of <see cref="ClientForAsync"/>, <see cref="Anonymous"/>).</summary>
    public static async Task<(int Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null, string? language = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
            request.Content = body is string raw ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json") : JsonContent.Create(body, options: Json);
        if (language is not null)
            request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        lock (_clients)
            foreach (var c in _clients)
                c.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_storeFolder is not null)
            try { Directory.Delete(_storeFolder, recursive: true); } catch (IOException) { }
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        ServerApp.Json(options);
        return options;
    }
}
