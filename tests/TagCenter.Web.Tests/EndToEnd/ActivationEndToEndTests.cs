using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using TagCenter.Core.Text;
using TagCenter.Web.Formatting;

namespace TagCenter.Web.Tests.EndToEnd;

/// <summary>
/// The activation page on the demo workspace in a real browser: the triggers and their delivery counts per status are
/// those <c>GET /api/v1/triggers</c> answers to the same key, a trigger opens its latest deliveries, experiments show their arms.
/// </summary>
public sealed class ActivationEndToEndTests(ConsoleSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Activation_TriggersAndCounts_EqualTheApi()
    {
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var api = await ApiAsync("/api/v1/triggers");
        api.GetArrayLength().ShouldBeGreaterThan(0, "the demo declares triggers");

        var page = await browser.SignInAsync(site, site.AdminKey);
        await ConsoleBrowser.OpenAsync(page, site, "/activation");
        await page.Locator("#trigger-table").WaitForAsync();

        var rows = page.Locator("tr.tc-trigger");
        (await rows.CountAsync()).ShouldBe(api.GetArrayLength());
        foreach (var trigger in api.EnumerateArray())
        {
            var name = trigger.GetProperty("name").GetString()!;
            var row = page.Locator($"tr.tc-trigger[data-trigger='{name}']");
            foreach (var status in trigger.GetProperty("deliveries").EnumerateObject())
                (await row.Locator($"td[data-status='{status.Name}']").InnerTextAsync()).ShouldBe(Numbers.Count(status.Value.GetInt64(), Language.Zh), name + " " + status.Name);
        }
        await ConsoleBrowser.ScreenshotAsync(page, "activation");

        var first = api[0].GetProperty("name").GetString()!;
        await page.Locator($"tr.tc-trigger[data-trigger='{first}'] button.tc-trigger-name").ClickAsync();
        await page.Locator("#trigger-recent").WaitForAsync();
        var shown = await ApiAsync("/api/v1/triggers/" + Uri.EscapeDataString(first));
        var recent = shown.GetProperty("deliveries").GetArrayLength();
        if (recent > 0)
        {
            await page.Locator(".tc-deliveries tr.tc-delivery, #api-error").First.WaitForAsync();
            await ConsoleBrowser.ScreenshotAsync(page, "activation-deliveries");
            (await page.Locator("#api-error").CountAsync()).ShouldBe(0, await page.Locator("#api-error").AllInnerTextsAsync() is var e ? string.Join(" ", e) : "");
            (await page.Locator(".tc-deliveries tr.tc-delivery").CountAsync()).ShouldBe(recent);
        }

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "实验" }).ClickAsync();
        var experiments = await ApiAsync("/api/v1/experiments");
        if (experiments.GetArrayLength() > 0)
        {
            var experiment = experiments[0].GetProperty("name").GetString()!;
            var arms = page.Locator($".tc-experiment[data-experiment='{experiment}'] tr.tc-arm");
            await arms.First.WaitForAsync();
            var results = await ApiAsync("/api/v1/experiments/" + Uri.EscapeDataString(experiment));
            (await arms.CountAsync()).ShouldBe(results.GetProperty("arms").GetArrayLength());
        }
        await ConsoleBrowser.ScreenshotAsync(page, "activation-experiments");
    }

    private async Task<JsonElement> ApiAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = site.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", site.AdminKey);
        using var doc = JsonDocument.Parse(await http.GetStringAsync(path, Ct));
        return doc.RootElement.Clone();
    }
}
