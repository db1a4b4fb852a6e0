using Bunit;
using TagCenter.Web.Components.Shared;

namespace TagCenter.Web.Tests.Components;

/// <summary>The home page's sparkline: drawn from two runs on, labelled for screen readers, nothing for a single run.</summary>
public sealed class SparklineTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    [Fact]
    public void TwoRunsOrMore_DrawsTheLine()
    {
        var cut = _context.Render<Sparkline>(p => p.Add(x => x.Values, [100L, 300, 200]).Add(x => x.Width, 100).Add(x => x.Height, 20).Add(x => x.Label, "新客"));

        cut.Find("svg").GetAttribute("aria-label").ShouldBe("新客");
        cut.Find("polyline").GetAttribute("points").ShouldBe("1,19 50,1 99,10");
    }

    [Fact]
    public void OneRun_DrawsNothing() =>
        _context.Render<Sparkline>(p => p.Add(x => x.Values, [100L])).Markup.Trim().ShouldBeEmpty();

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
