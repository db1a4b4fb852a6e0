using System.Diagnostics;
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

    /// <summary>How long a wait for the console may take on a 2-core CI machine loaded by the other test projects.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

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
        await GoAsync(page, new Uri(site.Address, "/").ToString(), Patience);
        await CommittedAsync(page, url => url.Contains("/signin", StringComparison.Ordinal), Patience);
        await page.FillAsync("#key", key);
        await page.ClickAsync("#signin");
        // Home, or back to the form with the reason (a refused key fails here at once, saying why). What the tests need
        // is the circuit, not the document's load event: the wait is for the URL, then for the layout's interactive mark.
        // The 90 s are for a 2-core CI machine loaded by the other tests; a timeout says what the page was waiting for.
        var home = new Uri(site.Address, "/").ToString();
        await CommittedAsync(page, url => url == home || url.Contains("/signin?error=", StringComparison.Ordinal), Patience);
        page.Url.ShouldBe(home, $"signing in with {TagCenter.Web.Hosting.ConsoleAuth.KeyLabel(key)} was refused");
        try
        {
            await page.Locator("#tc-interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = (float)Patience.TotalMilliseconds });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"signed in, but the home page's circuit did not connect within 90 s: {await requests.DescribeAsync(page)}\n--- server log (tail) ---\n{Tail(site.ServerLog, 40)}", e);
        }
        return page;
    }

    /// <summary>
    /// Waits until the page has committed a URL that <paramref name="wanted"/> accepts, and no longer: not for the
    /// document's load event. Playwright's <c>WaitForURLAsync</c> cannot do this: when the URL already matches it waits
    /// for "load" whatever <c>WaitUntil</c> says (its Commit maps to no load state, read as Load), and a console page's
    /// load event was seen not to come in 90 s with the network idle. <see cref="IPage.Url"/> follows each commit.
    /// </summary>
    public static async Task CommittedAsync(IPage page, Func<string, bool> wanted, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (!wanted(page.Url))
        {
            if (waited.Elapsed > timeout)
                throw new TimeoutException($"the page stayed at {page.Url} for {timeout.TotalSeconds:0.#} s");
            await Task.Delay(50);
        }
    }

    /// <summary>Opens <paramref name="url"/> and returns once its document is committed (see <see cref="CommittedAsync"/>).</summary>
    public static async Task GoAsync(IPage page, string url, TimeSpan timeout) =>
        await page.GotoAsync(url, new PageGotoOptions { Timeout = (float)timeout.TotalMilliseconds, WaitUntil = WaitUntilState.Commit });

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));

    /// <summary>Waits until the page's circuit is connected (the layout marks it), so clicks and typing reach the server.</summary>
    public static Task InteractiveAsync(IPage page) =>
        page.Locator("#tc-interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });

    /// <summary>Opens <paramref name="path"/> of the console and waits for its circuit (not for the load event: see <see cref="CommittedAsync"/>).</summary>
    public static async Task OpenAsync(IPage page, ConsoleSite site, string path)
    {
        await GoAsync(page, new Uri(site.Address, path).ToString(), Patience);
        await InteractiveAsync(page);
    }

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
