using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TagCenter.DuckDb.Storage;
using TagCenter.Server.Consumer;
using TagCenter.Server.Hosting;
using TagCenter.Server.Ingest;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Ingest;

/// <summary>The whole server on TestServer over a copy of the demo workspace (which declares the <c>sdk_events</c>
/// source with write key <c>wk_demo_123</c>), with helpers to send Segment requests and read what was applied.</summary>
internal sealed class IngestServer : IAsyncDisposable
{
    public const string Key = "wk_demo_123";

    private IngestServer(ApiServer api) => Api = api;

    public ApiServer Api { get; }

    public IngestService Ingest => Api.App.Services.GetRequiredService<IngestService>();

    public IngestProgress Progress => Api.App.Services.GetRequiredService<IngestProgress>();

    public static async Task<IngestServer> StartAsync(string root, IngestOptions? options = null) =>
        new(await ApiServer.StartAsync(root, b =>
        {
            if (options is not null)
                b.Services.AddSingleton(options);
        }));

    public static string Basic(string key) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":"));

    /// <summary>POSTs raw bytes as analytics-node does (Basic auth with <paramref name="key"/> unless null).</summary>
    public async Task<(int Status, string Body)> PostAsync(string path, byte[] body, string? key = Key, string? encoding = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (encoding is not null)
            request.Content.Headers.ContentEncoding.Add(encoding);
        if (key is not null)
            request.Headers.TryAddWithoutValidation("Authorization", Basic(key));
        using var response = await Api.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Waits until the consumer has applied every record the log holds.</summary>
    public async Task CaughtUpAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (Progress.Applied < Ingest.Log.NextOffset)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
                throw new TimeoutException($"consumer at {Progress.Applied}, log at {Ingest.Log.NextOffset}: {Progress.LastError}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// Waits until the consumer has applied the whole log and the committed real-time path has finished with it (the
    /// consumer reports a batch applied before its listeners run, and their writes come after).
    /// </summary>
    public async Task SettledAsync()
    {
        await CaughtUpAsync();
        var listener = Api.App.Services.GetRequiredService<Server.Realtime.RealtimeListener>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (listener.Through < Ingest.Log.NextOffset - 1)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
                throw new TimeoutException($"the real-time listener is at {listener.Through}, the log at {Ingest.Log.NextOffset}");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    public Task<List<object?[]>> RowsAsync(string sql, params object?[] args) =>
        Api.App.Services.GetRequiredService<WorkspaceHost>().ReadAsync((WorkspaceDatabase db, CancellationToken _) => db.Rows(sql, args), TestContext.Current.CancellationToken);

    public async Task<long> CountAsync(string sql, params object?[] args) => Convert.ToInt64((await RowsAsync(sql, args))[0][0]);

    /// <summary>A demo person (the first by email, or <paramref name="email"/>'s) logs in as <paramref name="userId"/>: the identify is applied, and the userId names them (<paramref name="expected"/>, when the identity run moves it). Returns their OneID.</summary>
    public async Task<string> IdentifyAsync(string userId, string? email = null, string? expected = null)
    {
        var row = email is null
            ? (await RowsAsync("SELECT value, oneid FROM identity_map WHERE type = 'email' AND entity = 'person' ORDER BY value LIMIT 1"))[0]
            : (await RowsAsync("SELECT value, oneid FROM identity_map WHERE type = 'email' AND entity = 'person' AND value = $1", email))[0];
        (await PostAsync("/v1/batch", Bodies.Bytes($$$"""
            {"batch":[{"type":"identify","userId":"{{{userId}}}","traits":{"email":"{{{row[0]}}}"},"messageId":"id-{{{userId}}}-{{{row[0]}}}","timestamp":"2026-10-31T12:00:00Z"}],"writeKey":"{{{IngestServer.Key}}}"}
            """))).Status.ShouldBe(200);
        await SettledAsync();
        var oneId = expected ?? (string)row[1]!;
        (await RowsAsync("SELECT oneid FROM identity_map WHERE type = 'user_id' AND value = $1", userId))[0][0].ShouldBe(oneId);
        return oneId;
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
