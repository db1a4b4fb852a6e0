using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using TagCenter.Client;
using TagCenter.Core.Text;
using TagCenter.Web.Components.Governance;
using TagCenter.Web.Text;

namespace TagCenter.Web.Tests.Components;

/// <summary>A draft's card: the impact's segment sizes and their change, and the review buttons only when offered.</summary>
public sealed class DraftCardTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public DraftCardTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddScoped<ConsoleLanguage>();
        _context.Services.GetRequiredService<ConsoleLanguage>().Current = Language.En;
    }

    private static Draft Draft(DraftImpact? impact) =>
        new("d1", "segment", "high_value", "pending", "alice", null, null, DateTimeOffset.UnixEpoch, null, "rule: 累计消费金额 > 3000", impact);

    [Fact]
    public void Impact_SegmentSizesAndChange()
    {
        var impact = new DraftImpact(new DateTime(2026, 3, 1), false, [],
            [new DraftSegmentImpact("update", "high_value", 10_000, 11_234), new DraftSegmentImpact("update", "vip", 500, 480), new DraftSegmentImpact("create", "new", null, 7)]);

        var cut = _context.Render<DraftCard>(p => p.Add(x => x.Draft, Draft(impact)));

        cut.Find("tr[data-segment=high_value] td[data-col=change]").TextContent.ShouldBe("+1,234");
        cut.Find("tr[data-segment=vip] td[data-col=change]").TextContent.ShouldBe("-20");
        cut.Find("tr[data-segment=new] td[data-col=change]").TextContent.ShouldBe("—");
        cut.FindAll("button.tc-approve").ShouldBeEmpty();
    }

    [Fact]
    public void Reviewer_ApprovesThroughTheCallback()
    {
        bool? decision = null;
        var cut = _context.Render<DraftCard>(p => p.Add(x => x.Draft, Draft(null)).Add(x => x.MayDecide, true).Add(x => x.OnDecide, (bool approve) => decision = approve));

        cut.Find("button.tc-reject").Click();

        decision.ShouldBe(false);
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
