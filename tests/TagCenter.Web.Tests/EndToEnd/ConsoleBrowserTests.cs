using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace TagCenter.Web.Tests.EndToEnd;

/// <summary>
/// The browser helper's waits on a page whose load event never comes (an image that is never served): what a CI run saw
/// on the console's home page, where Playwright's <c>WaitForURLAsync</c> waited 90 s for "load" although the URL had
/// long been home and the network was idle.
/// </summary>
public sealed class ConsoleBrowserTests
{
    [Fact]
    public async Task Committed_AfterARedirect_ReturnsWithoutTheLoadEvent()
    {
        await using var site = await NeverLoadedSite.StartAsync();
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(site.Url("/form"));
        await page.ClickAsync("#go");

        // Waiting for the load event, this would time out (the image never comes).
        await ConsoleBrowser.CommittedAsync(page, url => url == site.Url("/home"), TimeSpan.FromSeconds(20));

        (await page.EvaluateAsync<string>("document.readyState")).ShouldNotBe("complete", "the image is never served, so the page never loads");
        (await page.Locator("#home").InnerTextAsync()).ShouldBe("home");
    }

    [Fact]
    public async Task Committed_ToAURLNeverReached_SaysWhereThePageStayed()
    {
        await using var site = await NeverLoadedSite.StartAsync();
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(site.Url("/form"));

        var e = await Should.ThrowAsync<TimeoutException>(() => ConsoleBrowser.CommittedAsync(page, url => url.EndsWith("/elsewhere", StringComparison.Ordinal), TimeSpan.FromSeconds(1)));

        e.Message.ShouldContain(site.Url("/form"));
    }

    [Fact]
    public async Task Open_APageThatNeverLoads_ReturnsOnceCommitted()
    {
        await using var site = await NeverLoadedSite.StartAsync();
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.Browser.NewPageAsync();

        await ConsoleBrowser.GoAsync(page, site.Url("/home"), TimeSpan.FromSeconds(20));

        page.Url.ShouldBe(site.Url("/home"));
    }

    /// <summary>/form posts to /go, which redirects to /home; /home shows an image that is never served.</summary>
    private sealed class NeverLoadedSite : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly CancellationTokenSource _stopping = new();

        private NeverLoadedSite(WebApplication app) => _app = app;

        public string Url(string path) => _app.Urls.First() + path;

        public static async Task<NeverLoadedSite> StartAsync()
        {
            ConsoleBrowser.SkipWithoutChromium();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var site = new NeverLoadedSite(app);
            app.MapGet("/form", () => Results.Content("<form method='post' action='/go'><button id='go' type='submit'>go</button></form>", "text/html"));
            app.MapPost("/go", () => Results.Redirect("/home"));
            app.MapGet("/home", () => Results.Content("<p id='home'>home</p><img src='/never'>", "text/html"));
            app.MapGet("/never", async () =>
            {
                await Task.Delay(Timeout.Infinite, site._stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.NoContent();
            });
            await app.StartAsync();
            return site;
        }

        public async ValueTask DisposeAsync()
        {
            await _stopping.CancelAsync();
            await _app.StopAsync();
            await _app.DisposeAsync();
            _stopping.Dispose();
        }
    }
}
