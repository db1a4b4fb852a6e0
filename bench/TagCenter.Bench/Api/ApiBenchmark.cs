using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TagCenter.DuckDb.Identity;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;
using TagCenter.Server.Segments;

namespace TagCenter.Bench.Api;

/// <summary>
/// Issue #11: a segment count over HTTP, p50/p99. A demo workspace (built by <c>tagcenter demo</c>, or one given
/// with <c>--workspace</c>) served by a real Kestrel on loopback; each rule counted <c>--requests</c> times one after
/// another over HTTP, against the same call in-process without HTTP (<see cref="SegmentCounting.CountAsync"/>, what
/// the endpoint runs) in the same run. A light <c>GET /segments/{name}</c> shows the HTTP floor. Answers are checked
/// equal before timing.
/// </summary>
internal static class ApiBenchmark
{
    internal static readonly string[] Rules =
    [
        "累计消费金额 > 3000 and 生命周期阶段 = '沉默'",
        "生命周期阶段 in ('活跃', '回流') and 城市 = '上海' and not 累计消费金额 > 1000",
        "age between 18 and 25 and 城市 = '上海' and not did('orders', within: 30d)",
    ];

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var requests = args.Int("requests", 2000);
        _lineSeconds = args.Int("line-seconds", 60);
        var root = args.Values.TryGetValue("workspace", out var given) ? Path.GetFullPath(given) : await TagCenter.Bench.Demo.DemoWorkspace.BuildAsync(args.Int("persons", 50_000));
        var port = FreePort();
        // --profile-slice N builds the profile store in OneID ranges of N persons (ServerOptions.ProfileSliceSize).
        await using var app = ServerApp.Build(new ServerOptions { WorkspaceRoot = root, Urls = [$"http://127.0.0.1:{port}"], ProfileSliceSize = args.Int("profile-slice", 1_000_000) });
        await app.StartAsync();
        _started.Restart();
        var access = app.Services.GetRequiredService<SegmentAccess>();
        var caller = new Caller("bench", ApiScopes.All.ToHashSet(), null, true);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        // Every route but /health needs a key: an admin key in the workspace's control store, the one the server opened.
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await AdminKeyAsync(app));
        var persons = (await SegmentCounting.CountAsync(access, caller, Rules[0], CancellationToken.None)).Persons;
        Console.WriteLine($"api: {persons:N0} persons ({root}); {requests:N0} sequential requests per line after warm-up (fewer when they would take over {_lineSeconds:0} s: n=); {Environment.ProcessorCount} cores");
        // --rules 0 leaves the counts out (a profile-only run; at 10M the did() rule scans for half a minute).
        foreach (var rule in Rules.Take(args.Int("rules", Rules.Length)))
        {
            var local = await SegmentCounting.CountAsync(access, caller, rule, CancellationToken.None);
            var remote = await PostCountAsync(http, rule);
            if (remote.GetProperty("size").GetInt64() != local.Size)
                throw new InvalidOperationException($"HTTP count {remote.GetProperty("size").GetInt64()} ≠ in-process {local.Size} for {rule}");
            var inProcess = await LatenciesAsync(requests, async () => (await SegmentCounting.CountAsync(access, caller, rule, CancellationToken.None)).Size);
            var overHttp = await LatenciesAsync(requests, async () => (await PostCountAsync(http, rule)).GetProperty("size").GetInt64());
            Console.WriteLine($"  POST /segments/count = {local.Size:N0} ({local.Engine}): {rule}");
            Console.WriteLine($"    in-process (no HTTP)   {Line(inProcess)}");
            Console.WriteLine($"    HTTP loopback          {Line(overHttp)}   p99 ratio {overHttp.P99 / inProcess.P99:0.0}×");
        }
        await FreshAsync(access, caller, http, args.Int("fresh", 400));
        // --profiles 0 leaves the profile lookups out (at 10M the store takes over 20 min to build).
        if (args.Int("profiles", 1) != 0)
            await ProfilesAsync(app, http, requests);
        var path = "/api/v1/segments/" + Uri.EscapeDataString("高价值沉默");
        var show = await LatenciesAsync(requests, async () => (await http.GetByteArrayAsync(new Uri(path, UriKind.Relative))).Length);
        Console.WriteLine($"  GET /segments/高价值沉默 (definition and runs)");
        Console.WriteLine($"    HTTP loopback          {Line(show)}");
        await app.StopAsync();
        return 0;
    }

    /// <summary>
    /// Counts of rules no count asked for before (the constants of the age band and the did() window new each time, so
    /// no cached range answers them), over HTTP against the same rules in-process, alternating; <c>--fresh 0</c> skips.
    /// </summary>
    private static async Task FreshAsync(SegmentAccess access, Caller caller, HttpClient http, int rules)
    {
        if (rules <= 0)
            return;
        // Past the JIT on rules of another shape, so that nothing below is a repeat.
        for (var i = 0; i < 30; i++)
            await PostCountAsync(http, $"age between {10 + i % 5} and {90 + i} and 城市 = '上海' and not did('orders', within: {5000 + i}d)");
        var inProcess = new List<double>();
        var overHttp = new List<double>();
        for (var i = 0; i < rules; i++)
        {
            // n → a band and a window no other n has (and the warm-up did not use), so no part was counted before.
            var rule = (int n) => $"age between {16 + n % 30} and {24 + n % 30 + n / 30} and 城市 = '上海' and not did('orders', within: {7 + n}d)";
            var clock = Stopwatch.StartNew();
            GC.KeepAlive((await SegmentCounting.CountAsync(access, caller, rule(2 * i), CancellationToken.None)).Size);
            inProcess.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            GC.KeepAlive((await PostCountAsync(http, rule(2 * i + 1))).GetProperty("size").GetInt64());
            overHttp.Add(clock.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"  POST /segments/count, {rules} rules not counted before each way (age between a and b, 城市 = '上海', not did('orders', within: Nd))");
        Console.WriteLine($"    in-process (no HTTP)   {Line(Summary(inProcess))}");
        Console.WriteLine($"    HTTP loopback          {Line(Summary(overHttp))}");
    }

    private static Latencies Summary(List<double> times)
    {
        times.Sort();
        return new Latencies(times.Count, times[(int)(times.Count * 0.50)], times[Math.Min(times.Count - 1, (int)(times.Count * 0.99))], times[^1]);
    }

    /// <summary><c>GET /profiles/{id}</c> for persons spread over the workspace (by OneID and by phone), against the
    /// same lookup in-process (<see cref="PersonProfile.Find"/>, what the endpoint runs first) in the same run.</summary>
    internal static async Task<string> AdminKeyAsync(WebApplication app)
    {
        var accounts = app.Services.GetRequiredService<TagCenter.Stores.Accounts>();
        return (await accounts.CreateKeyAsync("bench", "bench", TagCenter.Core.Governance.Role.Admin, null, piiRead: true, CancellationToken.None)).Key;
    }

    private static async Task ProfilesAsync(WebApplication app, HttpClient http, int requests)
    {
        var host = app.Services.GetRequiredService<WorkspaceHost>();
        var definition = host.Definition;
        // The server builds its profile store in the background from start: wait for it, and say how long it took.
        var serving = app.Services.GetRequiredService<TagCenter.Server.Profiles.ProfileServing>();
        var waited = Stopwatch.StartNew();
        await serving.WaitCurrentAsync(CancellationToken.None);
        var store = serving.Current!;
        Console.WriteLine($"  profile store current {waited.Elapsed.TotalSeconds:0.0} s after the counts above ({_started.Elapsed.TotalSeconds:0.0} s after start): {new FileInfo(store.Path).Length / 1024.0 / 1024.0:0} MB");
        var fromStore = serving.StoreReads;
        var sample = await host.ReadAsync((db, _) => db.Rows(
            "SELECT oneid, any_value(value) FILTER (WHERE type = 'phone') FROM identity_map GROUP BY oneid USING SAMPLE 200 ROWS")
            .Select(r => ((string)r[0]!, r[1] as string)).ToList(), CancellationToken.None);
        var next = 0;
        string Next(bool phone)
        {
            var (oneid, number) = sample[next++ % sample.Count];
            return phone && number is not null ? number : oneid;
        }
        var inProcess = await LatenciesAsync(Math.Min(requests, 500), () => host.ReadAsync((db, _) =>
            PersonProfile.Find(db, definition, Next(false))?.Facts.Count ?? 0L, CancellationToken.None));
        var byOneId = await LatenciesAsync(Math.Min(requests, 500), async () =>
            (await http.GetByteArrayAsync(new Uri("/api/v1/profiles/" + Uri.EscapeDataString(Next(false)), UriKind.Relative))).LongLength);
        var byPhone = await LatenciesAsync(Math.Min(requests, 500), async () =>
            (await http.GetByteArrayAsync(new Uri("/api/v1/profiles/" + Uri.EscapeDataString(Next(true)), UriKind.Relative))).LongLength);
        Console.WriteLine($"  GET /profiles/{{id}} ({sample.Count} sampled persons, round robin; {serving.StoreReads - fromStore:N0} of the HTTP reads answered from the store)");
        Console.WriteLine($"    PersonProfile.Find in-process (the engine path, before the store)   {Line(inProcess)}");
        Console.WriteLine($"    HTTP by OneID                   {Line(byOneId)}");
        Console.WriteLine($"    HTTP by phone                   {Line(byPhone)}");
    }

    internal static async Task<JsonElement> PostCountAsync(HttpClient http, string rule)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/api/v1/segments/count", UriKind.Relative), new { rule });
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        return (await JsonDocument.ParseAsync(body)).RootElement.Clone();
    }

    private sealed record Latencies(int Requests, double P50, double P99, double Max);

    /// <summary>How long one line may take (<c>--line-seconds</c>): at 10M persons a call that scans takes seconds, and is timed fewer times.</summary>
    private static double _lineSeconds = 60;

    private static readonly Stopwatch _started = new();

    private static async Task<Latencies> LatenciesAsync(int requests, Func<Task<long>> call)
    {
        // Warm: past tiered JIT (at least 50 calls and 500 ms), connections open, bitmaps touched; a slow call (over
        // 100 ms) is warm after 3 calls, one over a second after 1.
        var warm = Stopwatch.StartNew();
        var calls = 0;
        while (calls < 50 || warm.ElapsedMilliseconds < 500)
        {
            var one = Stopwatch.StartNew();
            GC.KeepAlive(await call());
            calls++;
            if ((calls >= 3 && one.Elapsed.TotalSeconds > 0.1) || one.Elapsed.TotalSeconds > 1)
                break;
        }
        // The mean warm call (not the last one, which may be a hiccup) says how many fit in the line's time.
        var mean = warm.Elapsed.TotalSeconds / calls;
        requests = Math.Max(Math.Min(requests, 10), Math.Min(requests, (int)(_lineSeconds / Math.Max(mean, 1e-6))));
        var times = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            GC.KeepAlive(await call());
            times[i] = stopwatch.Elapsed.TotalMilliseconds;
        }
        return Summary([.. times]);
    }

    private static string Line(Latencies l) => $"p50 {l.P50,7:0.000} ms   p99 {l.P99,7:0.000} ms   max {l.Max,8:0.000} ms   n={l.Requests}";

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
