using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using TagCenter.DuckDb.Storage;
using TagCenter.Server.Tests.Api;
using TagCenter.Server.Tests.Ingest;

namespace TagCenter.Server.Tests.Consumer;

/// <summary>
/// Crashes of a real <c>tagcenter serve</c> (Kestrel, its own process): SIGKILL while a client sends numbered
/// events, then a restart, must leave every acknowledged event applied exactly once; a torn log tail is cut,
/// reported, and every whole record kept.
/// </summary>
public sealed class CrashRecoveryTests(DemoWorkspace demo)
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<Process> ServeAsync(string root, string url, HttpClient client)
    {
        var process = Process.Start(Tagcenter.Start(["serve", "-w", root, "--urls", url]))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var response = await client.GetAsync(new Uri(url + "/health"), TestContext.Current.CancellationToken);
                if (response.IsSuccessStatusCode)
                    return process;
            }
            catch (HttpRequestException) { }
            if (process.HasExited)
                throw new InvalidOperationException("tagcenter serve exited with " + process.ExitCode);
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException("tagcenter serve did not answer /health");
    }

    private static async Task<JsonElement> StatusAsync(HttpClient client, string url)
    {
        // The status is an API resource: it takes an API key (a viewer's), not the write key the client sends events with.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url + "/api/v1/ingest/status"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _readKey);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }

    private static string? _readKey;

    /// <summary>A viewer key made with the real CLI in the workspace's own store, as an operator would.</summary>
    private static async Task CreateReadKeyAsync(string root)
    {
        var (exit, output) = await Tagcenter.RunAsync(["keys", "create", "--role", "viewer", "--name", "crash-test", "-w", root, "--json"], TestContext.Current.CancellationToken);
        exit.ShouldBe(0, output);
        var json = output[output.IndexOf('{', StringComparison.Ordinal)..(output.LastIndexOf('}') + 1)];
        _readKey = JsonDocument.Parse(json).RootElement.GetProperty("key").GetString();
    }

    [Fact]
    public async Task Sigkill_WhileSending_ThenRestart_AppliesEveryAcknowledgedEventExactlyOnce()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp);
        var url = $"http://127.0.0.1:{FreePort()}";
        await CreateReadKeyAsync(root);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(IngestServer.Basic(IngestServer.Key));
        var server = await ServeAsync(root, url, client);
        var acknowledged = new List<int>();
        var sent = 0;
        try
        {
            using var stop = new CancellationTokenSource();
            var sender = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var first = sent;
                    sent += 10;
                    var batch = string.Join(",", Enumerable.Range(first, 10).Select(n =>
                        $"{{\"type\":\"track\",\"userId\":\"crash-user-{n % 7}\",\"event\":\"Tick\",\"messageId\":\"k-{n}\"}}"));
                    try
                    {
                        using var content = new StringContent($"{{\"batch\":[{batch}]}}", Encoding.UTF8, "application/json");
                        using var response = await client.PostAsync(new Uri(url + "/v1/batch"), content, CancellationToken.None);
                        if (response.StatusCode == HttpStatusCode.OK)
                            lock (acknowledged)
                                acknowledged.AddRange(Enumerable.Range(first, 10));
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        return;   // the server died under us: this batch may or may not be in the log
                    }
                }
            }, TestContext.Current.CancellationToken);
            while (true)
            {
                lock (acknowledged)
                    if (acknowledged.Count >= 600)
                        break;
                await Task.Delay(5, TestContext.Current.CancellationToken);
            }
            server.Kill(entireProcessTree: true);   // SIGKILL: no shutdown, no flush
            await server.WaitForExitAsync(TestContext.Current.CancellationToken);
            stop.Cancel();
            await sender;
        }
        finally
        {
            if (!server.HasExited)
                server.Kill(entireProcessTree: true);
        }

        server = await ServeAsync(root, url, client);
        try
        {
            var clock = Stopwatch.StartNew();
            JsonElement status;
            while ((status = await StatusAsync(client, url)).GetProperty("lag").GetInt64() > 0)
            {
                clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90), status.ToString());
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using var db = WorkspaceDatabase.Open(Path.Combine(root, ".tagcenter", "tagcenter.duckdb"));
        var counts = db.Rows("SELECT event_id, count(*) FROM src_sdk_events GROUP BY event_id")
            .ToDictionary(r => (string)r[0]!, r => Convert.ToInt64(r[1]));
        counts.Values.ShouldAllBe(n => n == 1, "an event was applied twice");
        foreach (var n in acknowledged)
            counts.ShouldContainKey($"k-{n}", $"acknowledged event k-{n} was lost");
        var numbers = counts.Keys.Select(id => int.Parse(id.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        numbers.ShouldAllBe(n => n < sent);
        db.Scalar<long>("SELECT count(*) FROM fact_events WHERE _source = 'sdk_events'").ShouldBe(counts.Count);
    }

    [Fact]
    public async Task TornTail_IsCut_Reported_AndEveryWholeRecordIsApplied()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp);
        await using (var first = await IngestServer.StartAsync(root, new() { Consume = false }))
            (await first.PostAsync("/v1/batch", Bodies.Bytes(Bodies.Captured()))).Status.ShouldBe(200);
        var segment = Directory.GetFiles(Path.Combine(root, ".tagcenter", "log"), "*.log").Max()!;
        var whole = new FileInfo(segment).Length;
        // A write torn by a crash: the start of a record header and part of its body, never fsynced.
        await File.AppendAllBytesAsync(segment, [0x40, 0, 0, 0, 0xDE, 0xAD, 0xBE, 0xEF, 1, 2, 3], TestContext.Current.CancellationToken);

        await using var server = await IngestServer.StartAsync(root);
        var status = await server.Api.GetJsonAsync("/api/v1/ingest/status");
        status.GetProperty("next_offset").GetInt64().ShouldBe(3);
        status.GetProperty("torn_tail").GetString()!.ShouldContain("11");   // 11 bytes dropped
        new FileInfo(segment).Length.ShouldBe(whole);
        await server.CaughtUpAsync();
        (await server.CountAsync("SELECT count(*) FROM src_sdk_events")).ShouldBe(3);
    }
}
