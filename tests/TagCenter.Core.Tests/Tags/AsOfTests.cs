using Shouldly;
using TagCenter.Core.Tags;

namespace TagCenter.Core.Tests.Tags;

public sealed class AsOfTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Theory]
    [InlineData("2026-06-30", "2026-06-30 00:00:00", "2026-06-29T16:00:00Z")] // midnight at the start: 30 June's events are not included
    [InlineData("2026-06-30 23:59:59", "2026-06-30 23:59:59", "2026-06-30T15:59:59Z")]
    [InlineData("2026-06-30T18:00", "2026-06-30 18:00:00", "2026-06-30T10:00:00Z")]
    [InlineData("2026-06-30 18:00", "2026-06-30 18:00:00", "2026-06-30T10:00:00Z")]
    [InlineData("2026-06-30T18:00+08:00", "2026-06-30 18:00:00", "2026-06-30T10:00:00Z")]
    [InlineData("2026-06-30T18:00:00+02:00", "2026-07-01 00:00:00", "2026-06-30T16:00:00Z")] // converted into the workspace's zone
    [InlineData("2026-06-30T10:00:00Z", "2026-06-30 18:00:00", "2026-06-30T10:00:00Z")]
    [InlineData("  2026-06-30  ", "2026-06-30 00:00:00", "2026-06-29T16:00:00Z")]
    public void Parse_AcceptedFormat_ExactInstantInZone(string text, string local, string utc)
    {
        var result = AsOf.Parse(text, Shanghai);

        result.Error.ShouldBeNull();
        result.Local!.Value.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(local);
        result.Instant!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(utc);
        result.Instant.Value.Offset.ShouldBe(TimeSpan.FromHours(8));
    }

    [Fact]
    public void Parse_OtherZone_SameWallClock() =>
        AsOf.Parse("2026-06-30", TimeZoneInfo.Utc).Instant.ShouldBe(new DateTimeOffset(2026, 6, 30, 0, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("2026-13-45")]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("2026/06/30")]
    [InlineData("2026-06-30T25:00")]
    [InlineData("2026-02-30")]
    public void Parse_Garbage_ErrorListingFormats(string? text)
    {
        var result = AsOf.Parse(text, Shanghai);

        result.Success.ShouldBeFalse();
        result.Local.ShouldBeNull();
        result.Error!.ShouldContain(AsOf.Formats);
        result.Error!.ShouldContain("Asia/Shanghai");
    }
}
