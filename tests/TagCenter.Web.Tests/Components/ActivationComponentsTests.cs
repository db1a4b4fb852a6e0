using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using TagCenter.Client;
using TagCenter.Core.Text;
using TagCenter.Web.Components.Activation;
using TagCenter.Web.Text;

namespace TagCenter.Web.Tests.Components;

/// <summary>The activation parts rendered with bUnit: counts per status, Replay only for writers and only on dead letters, a tag's usage.</summary>
public sealed class ActivationComponentsTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public ActivationComponentsTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddScoped<ConsoleLanguage>();
    }

    private static Delivery Delivery(long id, string status) =>
        new(id, "d" + id, "welcome", "p" + id, "o", "https://hooks.example.com/x", status, 3, null, DateTimeOffset.UnixEpoch, null, status == "dead" ? "HTTP 500" : null, null);

    [Fact]
    public void TriggerList_ShowsEachStatusCount_InChineseUnits()
    {
        var cut = _context.Render<TriggerList>(p => p.Add(x => x.Triggers,
            [new TriggerSummary("welcome", "enters vip", "enters", ["message sms"], null, null, null, null, new Dictionary<string, long> { ["delivered"] = 12_345, ["dead"] = 2 })]));

        var row = cut.Find("tr[data-trigger=welcome]");
        row.QuerySelector("td[data-status=delivered]")!.TextContent.ShouldBe("1.23万");
        row.QuerySelector("td[data-status=dead]")!.TextContent.ShouldBe("2");
        row.QuerySelector("td[data-status=pending]")!.TextContent.ShouldBe("0");
        row.QuerySelector("td[data-status=total]")!.TextContent.ShouldBe("1.23万");
        cut.Find("thead").TextContent.ShouldContain("死信");
    }

    [Fact]
    public void TriggerList_English_HeadersAndSeparators()
    {
        _context.Services.GetRequiredService<ConsoleLanguage>().Current = Language.En;
        var cut = _context.Render<TriggerList>(p => p.Add(x => x.Triggers,
            [new TriggerSummary("welcome", "enters vip", "enters", [], null, null, null, null, new Dictionary<string, long> { ["delivered"] = 12_345 })]));

        cut.Find("td[data-status=delivered]").TextContent.ShouldBe("12,345");
        cut.Find("thead").TextContent.ShouldContain("Skipped (consent)");
    }

    [Fact]
    public void DeliveryList_Reader_HasNoReplay()
    {
        var cut = _context.Render<DeliveryList>(p => p.Add(x => x.Deliveries, [Delivery(1, "dead")]).Add(x => x.CanReplay, false));

        cut.FindAll("button.tc-replay").ShouldBeEmpty();
    }

    [Fact]
    public void DeliveryList_Writer_ReplaysTheDeadLetterClicked()
    {
        Delivery? replayed = null;
        var cut = _context.Render<DeliveryList>(p => p
            .Add(x => x.Deliveries, [Delivery(1, "delivered"), Delivery(2, "dead"), Delivery(3, "dead")])
            .Add(x => x.CanReplay, true)
            .Add(x => x.OnReplay, (Delivery d) => replayed = d));

        cut.FindAll("button.tc-replay").Count.ShouldBe(2);
        cut.Find("tr[data-id='1']").QuerySelector("button.tc-replay").ShouldBeNull();
        cut.Find("tr[data-id='3'] button.tc-replay").Click();

        replayed!.Id.ShouldBe(3);
    }

    /// <summary>A tag page's usage: each referring segment and tag linked, reads and exports from the audit, in the page's language.</summary>
    [Fact]
    public void TagUsage_LinksReferrers_AndShowsReadsAndExports()
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
