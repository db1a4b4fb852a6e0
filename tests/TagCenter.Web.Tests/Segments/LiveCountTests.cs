using Microsoft.Extensions.Time.Testing;
using TagCenter.Client;
using TagCenter.Web.Api;
using TagCenter.Web.Segments;

namespace TagCenter.Web.Tests.Segments;

/// <summary>
/// The builder's live count against a count function the test answers by hand (each call waits on its own
/// <see cref="TaskCompletionSource{T}"/>), on a clock that never moves unless told: a call starts at the edit, edits
/// while one is in flight are folded into one call for the latest rule, and an older rule's answer is never shown.
/// </summary>
public sealed class LiveCountTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakeCount _api = new();

    private LiveCount Live() => new(_api.CountAsync, _time);

    [Fact]
    public void Edit_NothingInFlight_CallsAtOnce()
    {
        using var live = Live();

        _ = live.EditAsync("age > 18");

        _api.Rules.ShouldBe(["age > 18"]);
        live.Busy.ShouldBeTrue();
    }

    [Fact]
    public async Task Edit_TheAnswerComes_IsShownAndNotBusy()
    {
        using var live = Live();
        var shown = 0;
        live.Changed += () => { shown++; return Task.CompletedTask; };

        var edit = live.EditAsync("age > 18");
        _api.Answer(0, 42);
        await edit;

        live.Result.ShouldNotBeNull().Size.ShouldBe(42);
        live.Result.Rule.ShouldBe("age > 18");
        (live.Busy, live.Error, shown).ShouldBe((false, (ConsoleApiException?)null, 1));
    }

    [Fact]
    public async Task EditsWhileInFlight_AreCoalesced_OnlyTheLatestIsSentWhenTheFirstReturns()
    {
        using var live = Live();

        var first = live.EditAsync("age > 18");
        var rest = new[] { live.EditAsync("age > 30"), live.EditAsync("age > 40"), live.EditAsync("age > 50") };
        _api.Rules.ShouldBe(["age > 18"]);

        _api.Answer(0, 100);
        _api.Rules.ShouldBe(["age > 18", "age > 50"]);
        live.Result.ShouldBeNull(); // the first rule's answer is not the latest rule's
        live.Busy.ShouldBeTrue();

        _api.Answer(1, 7);
        await first;
        await Task.WhenAll(rest);
        _api.Rules.Count.ShouldBe(2);
        live.Result.ShouldNotBeNull().Rule.ShouldBe("age > 50");
        live.Result.Size.ShouldBe(7);
        live.Busy.ShouldBeFalse();
    }

    [Fact]
    public void Edits_NeverHaveMoreThanOneCallInFlight()
    {
        using var live = Live();

        for (var i = 0; i < 20; i++)
        {
            _ = live.EditAsync("age > " + i);
            if (i % 3 == 2)
                _api.Answer(_api.Rules.Count - 1, i);
        }

        _api.MaxInFlight.ShouldBe(1);
    }

    [Fact]
    public async Task AnAnswerForAnOlderRule_IsNeverShown()
    {
        using var live = Live();
        var a = live.EditAsync("age > 18");
        var b = live.EditAsync("age > 30");
        _api.Answer(0, 18);
        live.Result.ShouldBeNull();
        _api.Answer(1, 30);
        await Task.WhenAll(a, b);
        live.Result.ShouldNotBeNull().Size.ShouldBe(30);

        // Back and forth while "age > 40" is counted: its answer is dropped (the number stays 30's, still busy) and
        // "age > 30" is counted again, since the data may have changed since.
        var c = live.EditAsync("age > 40");
        var d = live.EditAsync("age > 30");
        _api.Answer(2, 40);
        live.Result.ShouldNotBeNull().Size.ShouldBe(30);
        live.Busy.ShouldBeTrue();
        _api.Rules.ShouldBe(["age > 18", "age > 30", "age > 40", "age > 30"]);

        _api.Answer(3, 31);
        await Task.WhenAll(c, d);
        live.Result.ShouldNotBeNull().Size.ShouldBe(31);
        live.Busy.ShouldBeFalse();
    }

    [Fact]
    public async Task EditBackToTheRuleInFlight_ShowsItsAnswer_WithoutASecondCall()
    {
        using var live = Live();

        var a = live.EditAsync("age > 18");
        var b = live.EditAsync("age > 3");
        var c = live.EditAsync("age > 18");
        _api.Answer(0, 18);
        await Task.WhenAll(a, b, c);

        _api.Rules.ShouldBe(["age > 18"]);
        live.Result.ShouldNotBeNull().Size.ShouldBe(18);
        live.Busy.ShouldBeFalse();
    }

    [Fact]
    public async Task SameRuleAgain_WhileInFlightOrShown_IsNotSentAgain()
    {
        using var live = Live();

        var a = live.EditAsync("age > 18");
        var again = live.EditAsync("age > 18");
        _api.Answer(0, 18);
        await Task.WhenAll(a, again);
        await live.EditAsync("age > 18");

        _api.Rules.ShouldBe(["age > 18"]);
    }

    [Fact]
    public async Task BlankRule_Clears_AndAnAnswerInFlightIsDropped()
    {
        using var live = Live();
        var a = live.EditAsync("age > 18");
        _api.Answer(0, 18);
        await a;

        var b = live.EditAsync("age > 30");
        await live.EditAsync("  ");
        (live.Result, live.Error, live.Busy).ShouldBe((null, null, false));

        _api.Answer(1, 30);
        await b;
        (live.Result, live.Busy).ShouldBe((null, false));
        _api.Rules.Count.ShouldBe(2);
    }

    [Fact]
    public async Task BlankThenARule_WhileInFlight_SendsThatRuleWhenTheCallReturns()
    {
        using var live = Live();
        var a = live.EditAsync("age > 18");
        await live.EditAsync("");
        var c = live.EditAsync("age > 30");
        _api.Rules.ShouldBe(["age > 18"]);

        _api.Answer(0, 18);
        _api.Answer(1, 30);
        await Task.WhenAll(a, c);

        _api.Rules.ShouldBe(["age > 18", "age > 30"]);
        live.Result.ShouldNotBeNull().Size.ShouldBe(30);
    }

    [Fact]
    public async Task AnError_ForTheLatestRule_IsShown_AndAStaleOneIsNot()
    {
        using var live = Live();

        var a = live.EditAsync("age >");
        var b = live.EditAsync("age > 1");
        _api.Fail(0, "expected a value");
        live.Error.ShouldBeNull();
        _api.Answer(1, 1);
        await Task.WhenAll(a, b);
        (live.Error, live.Result.ShouldNotBeNull().Size).ShouldBe((null, 1));

        var c = live.EditAsync("age betwen 1");
        _api.Fail(2, "unknown operator betwen");
        await c;
        live.Error.ShouldNotBeNull().Message.ShouldBe("unknown operator betwen");
        (live.Result, live.Busy).ShouldBe((null, false));
    }

    [Fact]
    public async Task RoundTrip_IsFromTheLatestEditToItsAnswer()
    {
        using var live = Live();

        var a = live.EditAsync("age > 18");
        _time.Advance(TimeSpan.FromMilliseconds(30));
        var b = live.EditAsync("age > 30");
        _time.Advance(TimeSpan.FromMilliseconds(40));
        _api.Answer(0, 18);
        _time.Advance(TimeSpan.FromMilliseconds(50));
        _api.Answer(1, 30);
        await Task.WhenAll(a, b);

        live.RoundTripMs.ShouldBe(90);
    }

    /// <summary>A count API answered by the test: each call is recorded with its rule and waits until answered.</summary>
    private sealed class FakeCount
    {
        private readonly List<TaskCompletionSource<RuleCount>> _calls = [];
        private int _inFlight;

        public List<string> Rules { get; } = [];

        public int MaxInFlight { get; private set; }

        public Task<RuleCount> CountAsync(string rule, CancellationToken cancellationToken)
        {
            Rules.Add(rule);
            MaxInFlight = Math.Max(MaxInFlight, ++_inFlight);
            var call = new TaskCompletionSource<RuleCount>();
            _calls.Add(call);
            return call.Task;
        }

        public void Answer(int call, long size)
        {
            _inFlight--;
            _calls[call].SetResult(new RuleCount(Rules[call], size, 1000, size / 1000.0, "bitmap", 1, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), null));
        }

        public void Fail(int call, string message)
        {
            _inFlight--;
            _calls[call].SetException(new ConsoleApiException(400, "rule_invalid", message));
        }
    }
}
