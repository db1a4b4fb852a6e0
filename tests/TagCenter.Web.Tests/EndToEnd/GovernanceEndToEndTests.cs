using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;

namespace TagCenter.Web.Tests.EndToEnd;

/// <summary>The governance page in a real browser: an admin sees the keys the CLI made and the audit log as the API lists it; a marketer is told those are for admins.</summary>
public sealed class GovernanceEndToEndTests(ConsoleSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Governance_Admin_SeesKeysAndAudit_MarketerDoesNot()
    {
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.SignInAsync(site, site.AdminKey);
        await ConsoleBrowser.OpenAsync(page, site, "/governance");
        await page.Locator("#governance-me").WaitForAsync();
        (await page.Locator("#governance-me").InnerTextAsync()).ShouldContain("admin");
        await ConsoleBrowser.ScreenshotAsync(page, "governance");

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "API 密钥" }).ClickAsync();
        await page.Locator("#key-table").WaitForAsync();
        (await page.Locator("#key-table").InnerTextAsync()).ShouldContain("console-marketer");

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "审计日志" }).ClickAsync();
        var audit = await ApiAsync("/api/v1/audit?limit=100");
        var entries = audit.GetProperty("entries").GetArrayLength();
        if (entries > 0)
        {
            await page.Locator("#audit-table").WaitForAsync();
            (await page.Locator("#audit-table tbody tr").CountAsync()).ShouldBe(entries);
        }
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "角色与权限" }).ClickAsync();
        await page.Locator("#role-table").WaitForAsync();
        await ConsoleBrowser.ScreenshotAsync(page, "governance-roles");

        var marketer = await browser.SignInAsync(site, site.MarketerKey);
        await ConsoleBrowser.OpenAsync(marketer, site, "/governance");
        await marketer.Locator("#governance-me").WaitForAsync();
        await marketer.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "API 密钥" }).ClickAsync();
        await marketer.Locator("text=只有管理员密钥能查看这一页。").WaitForAsync();
        (await marketer.Locator("#key-table").CountAsync()).ShouldBe(0);
    }

    private async Task<JsonElement> ApiAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = site.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", site.AdminKey);
        using var doc = JsonDocument.Parse(await http.GetStringAsync(path, Ct));
        return doc.RootElement.Clone();
    }
}
