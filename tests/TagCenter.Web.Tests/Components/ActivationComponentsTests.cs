using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using TagCenter.Client;
using TagCenter.Core.Text;
using TagCenter.Web.Components.Activation;
using TagCenter.Web.Text;

namespace TagCenter.Web.Tests.Components;

/// <summary>The activation page's parts rendered with bUnit: counts per status, Replay only for writers and only on dead letters.</summary>
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

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
