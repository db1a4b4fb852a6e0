using Shouldly;
using TagCenter.Core.Activation;

namespace TagCenter.Core.Tests.Activation;

public sealed class DeliveryPolicyTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static TriggerDefinition Trigger(string? cap = null, string? quiet = null, string? consent = null) => new()
    {
        Name = "t",
        When = new TriggerCondition { Kind = TriggerKind.Enters, Segment = "s" },
        Actions = [new TriggerAction { Kind = ActionKind.Task, Queue = "q" }],
        Cap = cap is null ? null : FrequencyCap.Parse(cap),
        QuietHours = quiet is null ? null : QuietHours.Parse(quiet),
        Consent = consent,
        File = "triggers/t.yaml",
    };

    // 2026-11-20 12:00 in Shanghai is 04:00 UTC.
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 4, 0, 0, TimeSpan.Zero);

    private static Occurrence At(DateTimeOffset at) => new("t", "P1", "s1", at, "");

    [Fact]
    public void Decide_CapOnePerWeek_SecondWithinWeekSkipped_AfterWeekAllowed()
    {
        var trigger = Trigger(cap: "1 per 7d");
        DateTimeOffset[] earlier = [Noon.AddDays(-6)];

        DeliveryPolicy.Decide(trigger, At(Noon), false, earlier, Shanghai, Noon).Outcome.ShouldBe(PolicyOutcome.SkippedCap);
        DeliveryPolicy.Decide(trigger, At(Noon.AddDays(2)), false, earlier, Shanghai, Noon.AddDays(2)).Outcome.ShouldBe(PolicyOutcome.Enqueue);
    }

    [Fact]
    public void Decide_CapTwoPerDay_ThirdSkipped()
    {
        var trigger = Trigger(cap: "2 per 1d");

        DeliveryPolicy.Decide(trigger, At(Noon), false, [Noon.AddHours(-3)], Shanghai, Noon).Outcome.ShouldBe(PolicyOutcome.Enqueue);
        DeliveryPolicy.Decide(trigger, At(Noon), false, [Noon.AddHours(-3), Noon.AddHours(-1)], Shanghai, Noon).Outcome.ShouldBe(PolicyOutcome.SkippedCap);
    }

    [Fact]
    public void Decide_OptedOut_SkippedForConsent_OnlyWhenTheTriggerNeedsConsent()
    {
        DeliveryPolicy.Decide(Trigger(consent: "marketing"), At(Noon), true, [], Shanghai, Noon).Outcome.ShouldBe(PolicyOutcome.SkippedConsent);
        DeliveryPolicy.Decide(Trigger(), At(Noon), true, [], Shanghai, Noon).Outcome.ShouldBe(PolicyOutcome.Enqueue);
    }

    [Theory]
    // Shanghai local time of the occurrence → local time it may go out (22:00-08:00 quiet).
    [InlineData("2026-11-20 23:30", "2026-11-21 08:00")]
    [InlineData("2026-11-21 03:00", "2026-11-21 08:00")]
    [InlineData("2026-11-20 22:00", "2026-11-21 08:00")]
    [InlineData("2026-11-20 12:00", "2026-11-20 12:00")]
    [InlineData("2026-11-21 08:00", "2026-11-21 08:00")]
    public void Decide_QuietHours_DelayedToTheirEnd(string local, string expected)
    {
        var at = new DateTimeOffset(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

        var decision = DeliveryPolicy.Decide(Trigger(quiet: "22:00-08:00"), At(at), false, [], Shanghai, at);

        decision.Outcome.ShouldBe(PolicyOutcome.Enqueue);
        decision.DueAt.ShouldBe(new DateTimeOffset(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Release_DaytimeWindow_EndSameDay()
    {
        var quiet = QuietHours.Parse("12:00-14:00")!;
        var at = new DateTimeOffset(2026, 11, 20, 13, 15, 0, TimeSpan.FromHours(8));

        quiet.Release(at, Shanghai).ShouldBe(new DateTimeOffset(2026, 11, 20, 14, 0, 0, TimeSpan.FromHours(8)));
    }
}
