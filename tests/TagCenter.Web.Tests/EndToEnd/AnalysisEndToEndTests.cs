using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TagCenter.Web.Tests.EndToEnd;

/// <summary>Paths and conversion by dimension in a real browser: as many paths and groups as the analysis API answers for the same question.</summary>
public sealed class AnalysisEndToEndTests(ConsoleSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PathsAndConversion_RowsEqualTheApi()
    {
        await using var browser = await ConsoleBrowser.LaunchAsync();
        using var http = new HttpClient { BaseAddress = site.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", site.AdminKey);
        var page = await browser.SignInAsync(site, site.AdminKey);
        await ConsoleBrowser.OpenAsync(page, site, "/analysis");

        await page.Locator("#paths-run").ClickAsync();
        await page.Locator("#paths-table, #api-error").First.WaitForAsync();
        var paths = await PostAsync(http, "/api/v1/analysis/paths", new { @event = "add_to_cart", direction = "next" });
        (await page.Locator("#paths-table tr.tc-path").CountAsync()).ShouldBe(paths.GetProperty("paths").GetArrayLength());

        await page.Locator("#conversion-run").ClickAsync();
        await page.Locator("#conversion-table, #api-error").First.WaitForAsync();
        var conversion = await PostAsync(http, "/api/v1/analysis/conversion", new { goal = "order_paid", by = "城市", window = "30d" });
        (await page.Locator("#conversion-table tr.tc-conversion").CountAsync()).ShouldBe(conversion.GetProperty("groups").GetArrayLength());
        await ConsoleBrowser.ScreenshotAsync(page, "analysis-paths-conversion");
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body, Ct);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return doc.RootElement.Clone();
    }
}
