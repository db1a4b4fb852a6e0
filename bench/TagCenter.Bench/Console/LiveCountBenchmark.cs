using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using TagCenter.Bench.Api;
using TagCenter.Server.Hosting;

// Not TagCenter.Bench.Console: a namespace of that name would hide System.Console from every other benchmark.
namespace TagCenter.Bench.WebConsole;

/// <summary>
/// Issue #14: the builder's live count as a user sees it, rule edit → number on screen. A workspace served by a real
/// Kestrel on loopback (the API and the console, as <c>tagcenter serve</c> does), the segment builder open in
/// Debian's chromium (headless, driven by Playwright), and per round the text rule replaced the way typing does
/// (one <c>input</c> event), alternating among rules of different counts. Timed in the page from the input event to
/// the count in the DOM being the expected one, expected from <c>POST /segments/count</c> over HTTP before timing;
/// the same POST without a browser is the baseline in the same run, so the ratio is the browser, SignalR and render cost.
/// </summary>
internal static class LiveCountBenchmark
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] Rules = [.. ApiBenchmark.Rules, "累计消费金额 > 3000"];

    // Arms a measurement: the first input event on the rule editor starts it, the count in the DOM equal to the
    // expected size for that rule ends it (a MutationObserver sees the render batch applied).
    private const string Arm = """
        ([rule, size]) => {
            window.__tcDone = new Promise((resolve, reject) => {
                let start = null;
                const late = setTimeout(() => {
                    observer.disconnect();
                    const c = document.getElementById('live-count'), e = document.getElementById('rule-error');
                    reject(new Error(`no ${size} for ${rule} within 120 s: the page shows ${c && c.dataset.size} for ${c && c.dataset.rule}${e ? ', error ' + e.innerText : ''}`));
                }, 120000);
                const onInput = e => { if (start === null && e.target && e.target.id === 'rule-text') start = performance.now(); };
                document.addEventListener('input', onInput, true);
                const seen = () => { const c = document.getElementById('live-count'); return c !== null && c.dataset.rule === rule && c.dataset.size === size; };
                const observer = new MutationObserver(() => {
                    if (start === null || !seen()) return;
                    const end = performance.now();
                    clearTimeout(late);
                    observer.disconnect();
                    document.removeEventListener('input', onInput, true);
                    resolve(end - start);
                });
                observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
            });
        }
        """;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        if (!File.Exists(Chromium))
        {
            Console.Error.WriteLine($"live-count needs {Chromium} (Debian's chromium: scripts/setup.sh)");
            return 1;
        }
        var rounds = args.Int("rounds", 100);
        var root = args.Values.TryGetValue("workspace", out var given) ? Path.GetFullPath(given) : await TagCenter.Bench.Demo.DemoWorkspace.BuildAsync(50_000);
        var address = new Uri($"http://127.0.0.1:{ApiBenchmark.FreePort()}");
        // Warnings only: the console's HTTP client logs each count it asks for at Information, four lines a round.
        await using var app = ServerApp.Build(new ServerOptions { WorkspaceRoot = root, Urls = [address.ToString().TrimEnd('/')] },
            builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        var key = await ApiBenchmark.AdminKeyAsync(app);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);

        // Expected numbers over HTTP, an independent path from the page's.
        var expected = new Dictionary<string, long>();
        var engines = new Dictionary<string, string>();
        long persons = 0;
        foreach (var rule in Rules)
        {
            var answer = await ApiBenchmark.PostCountAsync(http, rule);
            expected[rule] = answer.GetProperty("size").GetInt64();
            engines[rule] = answer.GetProperty("engine").GetString() ?? "";
            persons = answer.GetProperty("persons").GetInt64();
        }
        Console.WriteLine($"live-count: {persons:N0} persons ({root}); {rounds} timed rounds after {2 * Rules.Length} warm-up, rules in turn, each edit followed by the same rule over HTTP; {Environment.ProcessorCount} cores; chromium headless");
        foreach (var rule in Rules)
            Console.WriteLine($"  {expected[rule],12:N0}  ({engines[rule]})  {rule}");
        if (expected.Values.Distinct().Count() < Rules.Length)
            Console.WriteLine("  ! two rules have the same count here: the page is still checked by rule text and count");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await SignInAsync(browser, address, key);
        await page.GotoAsync(new Uri(address, "/segments/new?rule=" + Uri.EscapeDataString(Rules[0])).ToString());
        await InteractiveAsync(page);
        await page.WaitForFunctionAsync("([rule, size]) => { const c = document.getElementById('live-count'); return c !== null && c.dataset.rule === rule && c.dataset.size === size; }",
            new[] { Rules[0], Size(expected[Rules[0]]) }, new PageWaitForFunctionOptions { Timeout = 60_000 });

        // Each round: the edit in the page, then the same rule over HTTP without a browser, so both see the same load.
        var inPage = Rules.ToDictionary(r => r, _ => new List<double>());
        var outside = new List<double>();
        var server = new List<double>();
        var baseline = Rules.ToDictionary(r => r, _ => new List<double>());
        for (var i = 0; i < 2 * Rules.Length + rounds; i++)
        {
            var rule = Rules[(i + 1) % Rules.Length];
            await page.EvaluateAsync(Arm, new[] { rule, Size(expected[rule]) });
            var watch = Stopwatch.StartNew();
            await page.Locator("#rule-text").FillAsync(rule);
            var ms = await page.EvaluateAsync<double>("() => window.__tcDone");
            var seen = watch.Elapsed.TotalMilliseconds;
            var meta = await page.Locator("#count-meta").GetAttributeAsync("data-ms");
            watch.Restart();
            var size = (await ApiBenchmark.PostCountAsync(http, rule)).GetProperty("size").GetInt64();
            var post = watch.Elapsed.TotalMilliseconds;
            if (size != expected[rule])
                throw new InvalidOperationException($"HTTP count {size} ≠ {expected[rule]} for {rule}");
            if (i < 2 * Rules.Length)
                continue;
            inPage[rule].Add(ms);
            outside.Add(seen);
            if (meta is not null)
                server.Add(double.Parse(meta, CultureInfo.InvariantCulture));
            baseline[rule].Add(post);
            if ((i + 1 - 2 * Rules.Length) % 10 == 0)
                Console.Error.WriteLine($"  {i + 1 - 2 * Rules.Length}/{rounds} rounds");
        }

        var page95 = Percentile([.. inPage.Values.SelectMany(v => v)], 0.95);
        var http95 = Percentile([.. baseline.Values.SelectMany(v => v)], 0.95);
        Console.WriteLine($"  edit → number on screen, in the page (input event → count in the DOM)   {Line([.. inPage.Values.SelectMany(v => v)])}");
        Console.WriteLine($"  edit → number on screen, Playwright side (before fill → seen)          {Line(outside)}");
        Console.WriteLine($"    of which the console server's edit → answer (LiveCount.RoundTripMs)   {Line(server)}");
        Console.WriteLine($"  baseline: POST /segments/count over HTTP, no browser                    {Line([.. baseline.Values.SelectMany(v => v)])}");
        Console.WriteLine($"  p95 ratio page / HTTP {page95 / http95:0.0}×; p95 target < 150 ms: {(page95 < 150 ? "met" : "NOT met")}");
        Console.WriteLine("  by rule (page | HTTP):");
        foreach (var rule in Rules)
            Console.WriteLine($"    {Short(inPage[rule])} | {Short(baseline[rule])}   {rule}");
        await app.StopAsync();
        return 0;
    }

    private static string Size(long size) => size.ToString(CultureInfo.InvariantCulture);

    private static async Task<IPage> SignInAsync(IBrowser browser, Uri address, string key)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(address, "/").ToString());
        await page.WaitForURLAsync("**/signin**");
        await page.FillAsync("#key", key);
        await page.ClickAsync("#signin");
        await page.WaitForURLAsync(new Uri(address, "/").ToString());
        await InteractiveAsync(page);
        return page;
    }

    // The layout marks the page once its circuit is connected, so typing reaches the server.
    private static Task InteractiveAsync(IPage page) =>
        page.Locator("#tc-interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    // Nearest rank: with 100 rounds p95 is the 95th smallest.
    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.Order().ToArray();
        return sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private static string Short(List<double> values) => $"p50 {Percentile(values, 0.50),6:0.0} p95 {Percentile(values, 0.95),6:0.0} ms";

    private static string Line(List<double> values) =>
        $"p50 {Percentile(values, 0.50),7:0.0} ms   p95 {Percentile(values, 0.95),7:0.0} ms   max {(values.Count == 0 ? double.NaN : values.Max()),7:0.0} ms";
}
