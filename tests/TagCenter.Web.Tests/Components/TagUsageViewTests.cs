using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using TagCenter.Client;
using TagCenter.Core.Text;
using TagCenter.Web.Components.Activation;
using TagCenter.Web.Text;

namespace TagCenter.Web.Tests.Components;

/// <summary>A tag page's usage: each referring segment and tag linked, reads and exports from the audit, in the page's language.</summary>
public sealed class TagUsageViewTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public TagUsageViewTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddScoped<ConsoleLanguage>();
    }

    [Fact]
    public void Usage_LinksReferrers_AndShowsReadsAndExports()
    {
        var usage = new TagUsageCounts(3, ["高价值/沉默"], ["新客引导"], [], ["忠诚用户"], 12_345, 2, null);

        var cut = _context.Render<TagUsageView>(p => p.Add(x => x.Usage, usage));

        cut.Find("tr[data-kind=segments] a").GetAttribute("href").ShouldBe("/segments/view?name=%E9%AB%98%E4%BB%B7%E5%80%BC%2F%E6%B2%89%E9%BB%98");
        cut.Find("tr[data-kind=tags] a").GetAttribute("href").ShouldBe("/tags/view?name=%E5%BF%A0%E8%AF%9A%E7%94%A8%E6%88%B7");
        cut.Find("tr[data-kind=experiments] td").TextContent.Trim().ShouldBe("—");
        cut.Find("tr[data-kind=reads] td").TextContent.ShouldBe("1.23万");
        cut.Find("tr[data-kind=exports] td").TextContent.ShouldBe("2");
        cut.Find("tr[data-kind=last] td").TextContent.ShouldBe("—");
        cut.Find("tr[data-kind=reads] th").TextContent.ShouldBe("API 读取（90 天）");
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
