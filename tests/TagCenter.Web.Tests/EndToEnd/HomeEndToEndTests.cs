using System.Net.Http.Headers;
using System.Text.Json;

namespace TagCenter.Web.Tests.EndToEnd;

/// <summary>The home page's sparklines: a crowd has one exactly when its segment's trend (<c>GET /segments/{name}/trend</c>) has two runs or more.</summary>
public sealed class HomeEndToEndTests(ConsoleSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Home_Sparklines_FollowEachSegmentsTrend()
    {
        await using var browser = await ConsoleBrowser.LaunchAsync();
        using var http = new HttpClient { BaseAddress = site.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", site.AdminKey);
        var page = await browser.SignInAsync(site, site.AdminKey);
        await page.Locator("td.tc-trend").First.WaitForAsync();

        var cells = page.Locator("td.tc-trend");
        var count = await cells.CountAsync();
        count.ShouldBeGreaterThan(0);
        for (var i = 0; i < count; i++)
        {
            var segment = (await cells.Nth(i).GetAttributeAsync("data-segment"))!;
            // A crowd may name a segment the API does not know (a board's typo): no trend, no sparkline, the rest of the page still shows.
            using var response = await http.GetAsync("/api/v1/segments/" + Uri.EscapeDataString(segment) + "/trend", Ct);
            var runs = response.StatusCode == System.Net.HttpStatusCode.NotFound ? 0
                : JsonDocument.Parse(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("runs").GetArrayLength();
            (await cells.Nth(i).Locator("svg.tc-sparkline polyline").CountAsync()).ShouldBe(runs >= 2 ? 1 : 0, segment + " has " + runs + " runs");
        }
        await ConsoleBrowser.ScreenshotAsync(page, "home-sparklines");
    }
}
