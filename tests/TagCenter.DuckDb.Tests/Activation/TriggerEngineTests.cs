using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TagCenter.Core.Activation;
using TagCenter.DuckDb.Activation;

namespace TagCenter.DuckDb.Tests.Activation;

public sealed class TriggerEngineTests : IDisposable
{
    private readonly SqliteActivationStore _store = SqliteActivationStore.InMemory();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 4, 0, 0, TimeSpan.Zero));
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static TriggerDefinition Trigger(string? cap = null, string? quiet = null, string? consent = null) => new()
    {
        Name = "t",
        When = new TriggerCondition { Kind = TriggerKind.Enters, Segment = "S" },
        Actions = [new TriggerAction { Kind = ActionKind.Task, Queue = "q" }, new TriggerAction { Kind = ActionKind.Message, Template = "您好 {person}" }],
        Cap = cap is null ? null : FrequencyCap.Parse(cap),
        QuietHours = quiet is null ? null : QuietHours.Parse(quiet),
        Consent = consent,
        File = "f",
    };

    private PersonChange Entered(string person, string occurrence) => new(person, ChangeKind.Entered, "S", null, null, _time.GetUtcNow(), occurrence);

    [Fact]
    public void OnChanges_ConsentOptOut_SkippedAndLogged()
    {
        _store.OptOut("P2", "marketing", _time.GetUtcNow());
        var engine = new TriggerEngine([Trigger(consent: "marketing")], [], _store, Shanghai, _time);

        var report = engine.OnChanges([Entered("P1", "s1"), Entered("P2", "s1")]);

        (report.Enqueued, report.SkippedConsent).ShouldBe((2, 1));
        var skipped = _store.List(DeliveryStatus.SkippedConsent, 10).ShouldHaveSingleItem();
        skipped.Person.ShouldBe("P2");
        // Logged once: evaluating again neither enqueues nor logs a second skip.
        engine.OnChanges([Entered("P2", "s1")]).SkippedConsent.ShouldBe(0);
        _store.List(DeliveryStatus.SkippedConsent, 10).Count.ShouldBe(1);
    }

    [Fact]
    public void OnChanges_CapOnePerWeek_SecondOccurrenceSkipped_AfterAWeekEnqueued()
    {
        var engine = new TriggerEngine([Trigger(cap: "1 per 7d")], [], _store, Shanghai, _time);

        engine.OnChanges([Entered("P1", "s1")]).Enqueued.ShouldBe(2);
        _time.Advance(TimeSpan.FromDays(3));
        engine.OnChanges([Entered("P1", "s2")]).SkippedCap.ShouldBe(1);
        _time.Advance(TimeSpan.FromDays(5));
        engine.OnChanges([Entered("P1", "s3")]).Enqueued.ShouldBe(2);
    }

    [Fact]
    public void OnChanges_QuietHours_DueAtTheirEnd_NotDispatchedBefore()
    {
        // 23:30 in Shanghai.
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 20, 15, 30, 0, TimeSpan.Zero));
        var engine = new TriggerEngine([Trigger(quiet: "22:00-08:00")], [], _store, Shanghai, _time);

        engine.OnChanges([Entered("P1", "s1")]).Delayed.ShouldBe(2);

        _store.Due(_time.GetUtcNow(), 10).ShouldBeEmpty();
        // 08:00 in Shanghai is 00:00 UTC the next day.
        _store.Due(new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero), 10).Count.ShouldBe(2);
    }

    [Fact]
    public void OnChanges_SameOccurrenceTwice_EnqueuedOnce()
    {
        var engine = new TriggerEngine([Trigger()], [], _store, Shanghai, _time);

        engine.OnChanges([Entered("P1", "s1"), Entered("P2", "s1")]).Enqueued.ShouldBe(4);
        var again = engine.OnChanges([Entered("P1", "s1"), Entered("P2", "s1")]);

        (again.Enqueued, again.Duplicates).ShouldBe((0, 2));
        _store.Counts()[DeliveryStatus.Pending].ShouldBe(4);
    }

    [Fact]
    public void OnChanges_Experiment_ArmActionsOnce_HoldoutNothing()
    {
        var experiment = new ExperimentDefinition
        {
            Name = "e",
            Segment = "S",
            Arms = [new ExperimentArm("A", 50, [new TriggerAction { Kind = ActionKind.Task, Queue = "A" }])],
            Holdout = 50,
            Goal = new ExperimentGoal("orders", TimeSpan.FromDays(7), null, null),
            File = "f",
        };
        var engine = new TriggerEngine([], [experiment], _store, Shanghai, _time);
        var persons = Enumerable.Range(0, 100).Select(i => $"P{i}").ToList();
        var inA = persons.Count(p => ArmAssignment.Arm(experiment, p) == "A");

        engine.OnChanges([.. persons.Select(p => Entered(p, "s1"))]).Enqueued.ShouldBe(inA);
        // Entering again later (left and came back) does not repeat the arm's action.
        engine.OnChanges([.. persons.Select(p => Entered(p, "s9"))]).Enqueued.ShouldBe(0);
    }

    public void Dispose() => _store.Dispose();
}
