using Shouldly;
using TagCenter.Core.Analysis;
using TagCenter.Core.Diagnostics;

namespace TagCenter.Core.Tests.Analysis;

/// <summary>Windows, funnel shapes and unknown events are refused before any query runs.</summary>
public sealed class AnalysisInputTests
{
    private static readonly string[] Known = ["app_start", "product_view", "add_to_cart", "order_paid"];

    [Theory]
    [InlineData("7d", 7 * 24)]
    [InlineData("12h", 12)]
    [InlineData("2w", 14 * 24)]
    [InlineData(" 1D ", 24)]
    public void Fixed_windows_are_hours(string text, int hours) => AnalysisWindow.Fixed(text).ShouldBe(TimeSpan.FromHours(hours));

    [Theory]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("d")]
    [InlineData("0d")]
    [InlineData("-1d")]
    [InlineData("7x")]
    [InlineData("99999999999d")]
    [InlineData("2mo")] // no fixed length
    [InlineData("1y")]
    public void Bad_windows_are_usage_errors(string text) => Should.Throw<AnalysisInputException>(() => AnalysisWindow.Fixed(text));

    [Fact]
    public void Months_are_windows_for_conversion() => AnalysisWindow.Parse("6mo").ToString().ShouldBe("6mo");

    [Fact]
    public void A_funnel_needs_two_steps_and_known_events()
    {
        Should.Throw<AnalysisInputException>(() => new FunnelRequest(["app_start"], TimeSpan.FromDays(7)).Validate(Known));
        Should.Throw<AnalysisInputException>(() => new FunnelRequest([], TimeSpan.FromDays(7)).Validate(Known));
        Should.Throw<AnalysisInputException>(() => new FunnelRequest(Known, TimeSpan.Zero).Validate(Known));
        Should.Throw<AnalysisInputException>(() => new FunnelRequest(Known, TimeSpan.FromDays(1)) { From = new DateTime(2026, 10, 2), To = new DateTime(2026, 10, 1) }.Validate(Known));
        var unknown = Should.Throw<NotFoundException>(() => new FunnelRequest(["app_start", "ordr_paid"], TimeSpan.FromDays(7)).Validate(Known));
        unknown.Message.ShouldContain("'order_paid'"); // the suggestion
        unknown.Message.ShouldContain("add_to_cart");  // the known list
        new FunnelRequest(["product_view", "product_view"], TimeSpan.FromDays(7)).Validate(Known); // a repeated step is fine
    }

    [Fact]
    public void Paths_check_depth_and_top()
    {
        Should.Throw<AnalysisInputException>(() => new PathsRequest("app_start", true, 0, 10, TimeSpan.FromDays(1)).Validate());
        Should.Throw<AnalysisInputException>(() => new PathsRequest("app_start", true, PathsRequest.MaxDepth + 1, 10, TimeSpan.FromDays(1)).Validate());
        Should.Throw<AnalysisInputException>(() => new PathsRequest("app_start", true, 3, 0, TimeSpan.FromDays(1)).Validate());
    }

    [Fact]
    public void Conversions_are_shares_of_the_previous_and_first_step()
    {
        var steps = FunnelResult.Steps(["a", "b", "c"], [10, 4, 0], [null, 3600, null]);
        steps.Select(s => s.FromPrevious).ShouldBe([1.0, 0.4, 0.0]);
        steps.Select(s => s.FromFirst).ShouldBe([1.0, 0.4, 0.0]);
        steps[1].MedianFromPrevious.ShouldBe(TimeSpan.FromHours(1));
        FunnelResult.Steps(["a", "b"], [0, 0], [null, null]).Select(s => s.FromPrevious).ShouldBe([null, null]); // nobody entered: no rate
    }
}
