using Microsoft.Playwright;

namespace TagCenter.Web.Tests.EndToEnd;

/// <summary>
/// Debian's chromium driven by Playwright (no browser downloads work here): headless, <c>--no-sandbox</c>. When
/// <c>/usr/bin/chromium</c> is missing the end-to-end tests skip and say so; <c>scripts/setup.sh</c> installs it.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static void SkipWithoutChromium() =>
        Assert.SkipUnless(File.Exists(Chromium), $"end-to-end console tests skipped: {Chromium} is missing (install Debian's chromium: scripts/setup.sh)");

    public static async Task<ConsoleBrowser> LaunchAsync()
    {
        SkipWithoutChromium();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        return new ConsoleBrowser(playwright, browser);
    }

    /// <summary>A fresh browser (no cookies) in <paramref name="locale"/>, signed in with <paramref name="key"/>, on the home page.</summary>
    public async Task<IPage> SignInAsync(ConsoleSite site, string key, string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        var requests = RequestsInFlight.Follow(page);
        await page.GotoAsync(new Uri(site.Address, "/").ToString());
        await page.WaitForURLAsync("**/signin**");
        await page.FillAsync("#key", key);
        await page.ClickAsync("#signin");
        // Home, or back to the form with the reason (a refused key fails here at once, saying why). What the tests need
        // is the circuit, not the document's load event: the wait is for the URL, then for the layout's interactive mark.
        // The 90 s are for a 2-core CI machine loaded by the other tests; a timeout says what the page was waiting for.
        var home = new Uri(site.Address, "/").ToString();
        await page.WaitForURLAsync(url => url == home || url.Contains("/signin?error=", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 90_000, WaitUntil = WaitUntilState.Commit });
        page.Url.ShouldBe(home, $"signing in with {TagCenter.Web.Hosting.ConsoleAuth.KeyLabel(key)} was refused");
        try
        {
            await page.Locator("#tc-interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 90_000 });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"signed in, but the home page's circuit did not connect within 90 s: {await requests.DescribeAsync(page)}\n--- server log (tail) ---\n{Tail(site.ServerLog, 40)}", e);
        }
        return page;
    }

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));

    /// <summary>Waits until the page's circuit is connected (the layout marks it), so clicks and typing reach the server.</summary>
    public static Task InteractiveAsync(IPage page) =>
        page.Locator("#tc-interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 20_000 });

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
