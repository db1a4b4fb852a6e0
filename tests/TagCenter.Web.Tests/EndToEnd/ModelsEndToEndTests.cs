using System.Net.Http.Headers;
using System.Text.Json;

namespace TagCenter.Web.Tests.EndToEnd;

/// <summary>The model page of each demo model in a real browser: its version and the metrics its kind has (AUC for a classifier, the RFM matrix, clusters).</summary>
public sealed class ModelsEndToEndTests(ConsoleSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ModelPages_ShowEachModelsMetrics()
    {
        await using var browser = await ConsoleBrowser.LaunchAsync();
        using var http = new HttpClient { BaseAddress = site.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", site.AdminKey);
        using var models = JsonDocument.Parse(await http.GetStringAsync("/api/v1/models", Ct));
        var page = await browser.SignInAsync(site, site.AdminKey);

        foreach (var model in models.RootElement.EnumerateArray())
        {
            var name = model.GetProperty("model").GetString()!;
            await ConsoleBrowser.OpenAsync(page, site, "/models/view?name=" + Uri.EscapeDataString(name));
            await page.Locator("#page-title").WaitForAsync();
            using var detail = JsonDocument.Parse(await http.GetStringAsync("/api/v1/models/" + Uri.EscapeDataString(name), Ct));
            if (detail.RootElement.GetProperty("version_in_use") is not { ValueKind: JsonValueKind.Object } version)
                continue;
            var metrics = version.GetProperty("metrics");
            if (metrics.TryGetProperty("holdout", out var holdout) && holdout.TryGetProperty("auc", out var auc) && auc.ValueKind == JsonValueKind.Number)
                (await page.Locator("#model-auc").InnerTextAsync()).ShouldStartWith("AUC " + auc.GetDouble().ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture));
            if (metrics.TryGetProperty("classes", out var classes))
                foreach (var c in classes.EnumerateObject())
                    (await page.Locator($".tc-rfm td[data-class='{c.Name}'] strong").InnerTextAsync())
                        .ShouldBe(TagCenter.Web.Formatting.Numbers.Count(c.Value.GetInt64(), TagCenter.Core.Text.Language.Zh));
            if (metrics.TryGetProperty("clusters", out var clusters))
                (await page.Locator(".tc-clusters tbody tr").CountAsync()).ShouldBe(clusters.GetArrayLength());
            await ConsoleBrowser.ScreenshotAsync(page, "model-" + model.GetProperty("kind").GetString());
        }
    }
}
