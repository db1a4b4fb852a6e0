using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using TagCenter.Client;

namespace TagCenter.Web.Tests.EndToEnd;

/// <summary>
/// The console in a real browser against a real <c>tagcenter serve</c>: sign in, the tag tree, the builder's live
/// count against the CLI's, a portrait, a funnel against the CLI's, a profile by phone number, the language switch,
/// and a marketer who cannot see another business line's tag. Each page is saved as a screenshot.
/// </summary>
public sealed class ConsoleEndToEndTests(ConsoleSite site, ITestOutputHelper output)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_ShowsTheBoards_AndTheScriptsAndStylesLoad()
    {
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.SignInAsync(site, site.AdminKey);

        (await page.Locator("#page-title").InnerTextAsync()).ShouldBe("人群看板");
        // The circuit loads the page again once interactive: wait for the board rather than count at once.
        await page.Locator("text=生命周期看板").First.WaitForAsync();
        // MudBlazor's stylesheet applied: the app bar is positioned by its CSS, not the browser's defaults.
        (await page.Locator(".mud-appbar").EvaluateAsync<string>("e => getComputedStyle(e).position")).ShouldBe("fixed");
        await ConsoleBrowser.ScreenshotAsync(page, "home");

        // First page load, measured by the browser: navigation start → load event on a reload of the home page.
        var watch = Stopwatch.StartNew();
        await page.ReloadAsync();
        await ConsoleBrowser.InteractiveAsync(page);
        var interactive = watch.Elapsed.TotalMilliseconds;
        var load = await page.EvaluateAsync<double>("() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; }");
        output.WriteLine($"perf: first page load (home, loopback) load event {load:0} ms, interactive {interactive:0} ms");
    }

    [Fact]
    public async Task SignIn_WithAWrongKey_SaysSo()
    {
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await (await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" })).NewPageAsync();
        await ConsoleBrowser.GoAsync(page, new Uri(site.Address, "/signin").ToString(), ConsoleBrowser.Patience);
        await page.FillAsync("#key", "tc_not_a_key");
        await page.ClickAsync("#signin");

        (await page.Locator("[role=alert]").InnerTextAsync()).ShouldBe("The key is unknown or revoked.");
    }

    [Fact]
    public async Task TagTree_SearchAndOpen_ShowsTheTagPage()
    {
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.SignInAsync(site, site.AdminKey);
        await ConsoleBrowser.OpenAsync(page, site, "/tags");
        await page.Locator("#tag-tree").WaitForAsync();
        await ConsoleBrowser.ScreenshotAsync(page, "tags");

        await page.Locator("#tag-search").FillAsync("城市");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "城市", Exact = true }).ClickAsync();
        await page.Locator("#page-title", new PageLocatorOptions { HasTextString = "city" }).WaitForAsync();

        (await page.Locator("#page-title").InnerTextAsync()).ShouldContain("城市");
        (await page.Locator(".mud-chart").CountAsync()).ShouldBeGreaterThan(0);
        // The lineage drawn as a graph: one box per node and one arrow per edge of the API's lineage, the tag itself highlighted.
        await using var client = new TagCenterClient(new TagCenterClientOptions { BaseAddress = site.Address, ApiKey = site.AdminKey });
        var lineage = (await client.Tags.GetAsync("城市", Ct)).Lineage;
        lineage.Edges.Count.ShouldBeGreaterThan(0);
        var graph = page.Locator("svg.tc-lineage-graph");
        (await graph.Locator("g.tc-lineage-node").CountAsync()).ShouldBe(lineage.Nodes.Count);
        (await graph.Locator("path.tc-lineage-edge").CountAsync()).ShouldBe(lineage.Edges.Count);
        (await graph.Locator("g.tc-lineage-focus text").TextContentAsync()).ShouldBe("城市");
        // Usage: the segments referring to the tag are those the API's evaluation lists (each a link).
        var usage = (await client.Activation.EvaluationAsync("城市", cancellationToken: Ct))[0].Usage;
        await page.Locator("#tag-usage tr[data-kind=reads]").WaitForAsync();
        (await page.Locator("#tag-usage tr[data-kind=segments] a").CountAsync()).ShouldBe(usage.Segments.Count);
        await ConsoleBrowser.ScreenshotAsync(page, "tag");

        // A segment's box opens that segment's page.
        var (id, segment) = lineage.Nodes.Where(n => n.Kind == "segment").Select(n => (n.Id, n.Name)).First();
        await graph.Locator($"g[data-id=\"{id}\"] a").ClickAsync();
        await page.Locator("#page-title", new PageLocatorOptions { HasTextString = segment }).WaitForAsync();
        page.Url.ShouldEndWith("/segments/view?name=" + Uri.EscapeDataString(segment));
    }

    [Fact]
    public async Task Builder_TypedRule_LiveCountEqualsTheCli()
    {
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.SignInAsync(site, site.AdminKey);
        await ConsoleBrowser.OpenAsync(page, site, "/segments/new?rule=" + Uri.EscapeDataString("age > 18"));
        await page.Locator("#live-count[data-rule='age > 18']").WaitForAsync();

        var rounds = new List<double>();
        foreach (var rule in new[] { "age > 30", "age > 40", ConsoleSite.Rule })
        {
            var watch = Stopwatch.StartNew();
            await page.Locator("#rule-text").FillAsync(rule);
            await page.Locator($"#live-count[data-rule=\"{rule.Replace("\"", "\\\"", StringComparison.Ordinal)}\"]").WaitForAsync();
            rounds.Add(watch.Elapsed.TotalMilliseconds);
        }

        var size = long.Parse(await page.Locator("#live-count").GetAttributeAsync("data-size") ?? "", CultureInfo.InvariantCulture);
        size.ShouldBe(site.CliRuleSize);
        output.WriteLine($"perf: rule edit → number on screen (300 persons, loopback): {string.Join(", ", rounds.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))} ms");
        await ConsoleBrowser.ScreenshotAsync(page, "builder");
    }

    [Fact]
    public async Task Builder_BadRule_ShowsTheDiagnosticInline()
    {
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.SignInAsync(site, site.AdminKey, "en-US");
        await ConsoleBrowser.OpenAsync(page, site, "/segments/new?rule=" + Uri.EscapeDataString("age betwen 18"));

        var error = await page.Locator("#rule-error").InnerTextAsync();
        error.ShouldContain("line 1, column 5");
        error.ShouldContain("betwen");
    }

    [Fact]
    public async Task SegmentPage_ShowsThePortrait()
    {
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.SignInAsync(site, site.AdminKey);
        await ConsoleBrowser.OpenAsync(page, site, "/segments/view?name=" + Uri.EscapeDataString("高价值沉默"));
        await page.Locator("#portrait-table tbody tr").First.WaitForAsync();

        (await page.Locator("#portrait-table tbody tr").CountAsync()).ShouldBeGreaterThan(5);
        // The segment is defined by 生命周期阶段 = '沉默': every member has that value.
        var silent = page.Locator("#portrait-table tbody tr", new PageLocatorOptions { HasTextString = "生命周期阶段" }).Filter(new LocatorFilterOptions { HasTextString = "沉默" });
        (await silent.First.InnerTextAsync()).ShouldContain("100.0%");
        await ConsoleBrowser.ScreenshotAsync(page, "portrait");
    }

    [Fact]
    public async Task Funnel_StepsEqualTheCli()
    {
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.SignInAsync(site, site.AdminKey);
        await ConsoleBrowser.OpenAsync(page, site, "/analysis");
        await page.ClickAsync("#funnel-run");
        await page.Locator("#funnel-table tbody tr").First.WaitForAsync();

        var persons = await page.Locator("#funnel-table td[data-persons]").EvaluateAllAsync<long[]>("cells => cells.map(c => Number(c.dataset.persons))");
        persons.Length.ShouldBe(ConsoleSite.FunnelSteps.Length);
        persons[0].ShouldBe(site.CliFunnelFirst);
        persons[^1].ShouldBe(site.CliFunnelLast);
        await ConsoleBrowser.ScreenshotAsync(page, "funnel");
    }

    [Fact]
    public async Task Profile_ByPhoneNumber_OpensThatPerson()
    {
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.SignInAsync(site, site.AdminKey);
        await ConsoleBrowser.OpenAsync(page, site, "/profiles");
        await page.Locator("#profile-search").FillAsync(site.Phone);
        await page.ClickAsync("#profile-go");
        await page.Locator("#profile-oneid").WaitForAsync();

        (await page.Locator("#profile-oneid").InnerTextAsync()).ShouldBe(site.PhoneOneId);
        await ConsoleBrowser.ScreenshotAsync(page, "profile");
    }

    [Fact]
    public async Task Language_SwitchToEnglishAndBack_IsRemembered()
    {
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.SignInAsync(site, site.AdminKey);
        (await page.Locator("#page-title").InnerTextAsync()).ShouldBe("人群看板");

        await page.ClickAsync("#lang-en");
        await page.Locator("#page-title", new PageLocatorOptions { HasTextString = "Crowd boards" }).WaitForAsync();
        var again = await page.Context.NewPageAsync();
        await ConsoleBrowser.GoAsync(again, new Uri(site.Address, "/segments").ToString(), ConsoleBrowser.Patience);
        (await again.Locator("#page-title").InnerTextAsync()).ShouldBe("Segments");
        await ConsoleBrowser.ScreenshotAsync(again, "segments-en");

        await ConsoleBrowser.InteractiveAsync(again);
        await again.ClickAsync("#lang-zh");
        await again.Locator("#page-title", new PageLocatorOptions { HasTextString = "人群" }).WaitForAsync();
        (await again.Locator("#page-title").InnerTextAsync()).ShouldBe("人群");
    }

    [Fact]
    public async Task Marketer_OfOneLine_DoesNotSeeAnotherLinesTag()
    {
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var admin = await browser.SignInAsync(site, site.AdminKey);
        var marketer = await browser.SignInAsync(site, site.MarketerKey);

        (await TagNamesAsync(admin)).ShouldContain(ConsoleSite.LineTag);
        var seen = await TagNamesAsync(marketer);
        seen.ShouldNotContain(ConsoleSite.LineTag);
        seen.ShouldContain("城市");
    }

    private async Task<IReadOnlyList<string>> TagNamesAsync(IPage page)
    {
        await ConsoleBrowser.GoAsync(page, new Uri(site.Address, "/tags").ToString(), ConsoleBrowser.Patience);
        var tags = page.Locator("#tag-tree .tc-tag");
        await tags.First.WaitForAsync();
        // The prerendered tree is replaced when the circuit connects: read until two reads agree and are not empty.
        IReadOnlyList<string> last = [];
        for (var i = 0; i < 50; i++)
        {
            IReadOnlyList<string> now = [.. (await tags.AllInnerTextsAsync()).Select(t => t.Trim())];
            if (now.Count > 0 && now.SequenceEqual(last))
                return now;
            last = now;
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        return last;
    }
}
