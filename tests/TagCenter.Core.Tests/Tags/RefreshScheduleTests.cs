using Shouldly;
using TagCenter.Core.Tags;

namespace TagCenter.Core.Tests.Tags;

public sealed class RefreshScheduleTests
{
    private static readonly DateTime Last = new(2026, 11, 22, 10, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("realtime", 1, true)]
    [InlineData("hourly", 20, false)]
    [InlineData("hourly", 40, true)]
    [InlineData("daily", 60 * 13, false)]
    [InlineData("daily", 60 * 14, true)]
    [InlineData("0 6 * * 1", 60 * 12, false)] // 2026-11-22 is a Sunday: next Monday 06:00 is 19.5 hours away
    [InlineData("0 6 * * 1", 60 * 20, true)]
    public void IsDue_AfterMinutes(string refresh, int minutes, bool due) =>
        RefreshSchedule.IsDue(refresh, Last, Last.AddMinutes(minutes), TimeZoneInfo.Utc).ShouldBe(due);

    [Fact]
    public void IsDue_NeverComputed_Due() => RefreshSchedule.IsDue("daily", null, Last, TimeZoneInfo.Utc).ShouldBeTrue();

    [Theory]
    [InlineData("weekly")]
    [InlineData("0 25 * * *")]
    public void Problem_Invalid_Explained(string refresh) => RefreshSchedule.Problem(refresh).ShouldNotBeNull().ShouldContain(refresh);
}
