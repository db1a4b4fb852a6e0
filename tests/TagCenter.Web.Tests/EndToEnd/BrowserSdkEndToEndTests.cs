using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace TagCenter.Web.Tests.EndToEnd;

/// <summary>
/// Segment's browser SDK itself, analytics.js (@segment/analytics-next from npm, its own bundle, unchanged), in a shop's
/// page on another origin in chromium, pointed at the running <c>tagcenter serve</c>: it identifies a visitor, tracks
/// a product view and a page, and the person's profile in TagCenter then holds those events. What the captured
/// analytics-node request checks for server SDKs, this checks for the browser (short paths, text/plain, CORS).
/// </summary>
public sealed class BrowserSdkEndToEndTests(ConsoleSite site)
{
    private static string Bundle => Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "EndToEnd", "analytics-next", "node_modules", "@segment", "analytics-next", "dist", "umd");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnalyticsJs_InAShopsPage_SendsItsCallsToTagCenter()
    {
        Assert.SkipUnless(File.Exists(Path.Combine(Bundle, "index.js")),
            "analytics.js check skipped: the npm package is missing (run: npm ci in tests/TagCenter.Web.Tests/EndToEnd/analytics-next, or scripts/setup.sh)");
        await using var shop = await ShopSite.StartAsync(Bundle, site.Address);
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.Browser.NewPageAsync();
        var user = "web-" + Guid.NewGuid().ToString("N")[..8];

        await ConsoleBrowser.GoAsync(page, shop.Url("/?user=" + user), ConsoleBrowser.Patience);
        // Committed is not yet run: the page sets window.sent once the bundle has loaded.
        await page.WaitForFunctionAsync("() => window.sent !== undefined", null, new() { Timeout = (float)ConsoleBrowser.Patience.TotalMilliseconds });
        // The SDK loaded and took each call (a call it cannot deliver is queued for retry, not failed at once: the
        // profile below is what says the events arrived).
        var taken = await page.EvaluateAsync<string[]>("window.sent");

        taken.ShouldBe(["identify ok", "track ok", "page ok"]);
        using var http = new HttpClient { BaseAddress = site.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", site.AdminKey);
        var events = await EventsOfAsync(http, user);
        events.ShouldContain("Product Viewed");
    }

    /// <summary>The events of the person who carries <paramref name="user"/>, once the consumer has applied them (up to 60 s).</summary>
    private static async Task<List<string?>> EventsOfAsync(HttpClient http, string user)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var response = await http.GetAsync("/api/v1/profiles/" + user, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            if (response.IsSuccessStatusCode)
            {
                var events = JsonDocument.Parse(body).RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();
                if (events.Contains("Product Viewed"))
                    return events;
            }
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
                throw new TimeoutException($"no profile with the tracked event for {user} after 60 s: {(int)response.StatusCode} {body}");
            await Task.Delay(200, Ct);
        }
    }

    /// <summary>A shop's page on its own origin: analytics.js from the npm bundle, loaded with TagCenter as its API host.</summary>
    private sealed class ShopSite : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private ShopSite(WebApplication app) => _app = app;

        public string Url(string path) => _app.Urls.First() + path;

        public static async Task<ShopSite> StartAsync(string bundle, Uri tagCenter)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.GetFullPath(bundle)), RequestPath = "/ajs" });
            var apiHost = tagCenter.Authority + "/v1";
            app.MapGet("/", () => Results.Content(Page(apiHost), "text/html; charset=utf-8"));
            await app.StartAsync();
            return new ShopSite(app);
        }

        // As a shop would load it (npm's UMD bundle, settings given instead of fetched from Segment's CDN), each call awaited.
        private static string Page(string apiHost) => $$"""
            <!doctype html><html><head><meta charset="utf-8"><title>商品</title></head><body><h1>商品</h1>
            <script src="/ajs/index.js"></script>
            <script>
              const user = new URLSearchParams(location.search).get('user');
              const writeKey = '{{ConsoleSite.WriteKey}}';
              const state = ctx => ctx.event.type + (ctx.failedDelivery() ? ' failed: ' + ctx.failedDelivery().reason : ' ok');
              window.sent = (async () => {
                const [analytics] = await AnalyticsNext.AnalyticsBrowser.load({
                  writeKey,
                  cdnSettings: { integrations: { 'Segment.io': { apiKey: writeKey, apiHost: '{{apiHost}}', protocol: 'http' } } },
                });
                return [
                  state(await analytics.identify(user, { email: user + '@example.com' })),
                  state(await analytics.track('Product Viewed', { product_id: 'sku-8', category: 'Beauty' })),
                  state(await analytics.page('商品')),
                ];
              })();
            </script></body></html>
            """;

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
