using TagCenter.Core.Activation;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Realtime;

/// <summary>
/// What the real-time path hands triggers (<c>RealtimeOutcome.Changes</c>): each entry, exit and tag value change once,
/// with the history's text and the occurrence a batch trigger pass gives the same rows (<c>s&lt;seq&gt;</c>, <c>r&lt;run&gt;</c>).
/// </summary>
public sealed class RealtimeChangesTests(DemoWorkspace demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Changes_FiveVisits_TagBeforeAfterAsHistoryText_OccurrenceIsTheRealtimeRun()
    {
        await using var rt = await RealtimeDemo.StartAsync(demo);
        var person = (await rt.PersonsAsync("visits_30d = 0 AND activity_level = '低'", 1))[0];
        var asOf = RealtimeDemo.DemoAsOf.AddHours(1);
        await rt.AddAsync([.. Enumerable.Range(1, 5).Select(i => new FactEvent(person, "app_start", asOf.AddMinutes(-i)))]);
        await rt.ApplyAsync([person], asOf);

        var outcome = rt.Listener.Last!;
        var run = await rt.Host.ReadAsync((db, _) => (string)db.Rows("SELECT run_id FROM tag_runs WHERE status = 'realtime' ORDER BY started_at DESC, run_id DESC LIMIT 1")[0][0]!, Ct);
        // Hand-checked: 0 visits → 5, and 活跃度 低 → 中 (≥ 5 visits is 中).
        outcome.Changes.Where(c => c.Kind == ChangeKind.TagChanged).Select(c => (c.Person, c.Name, c.Before, c.After, c.Occurrence)).Order()
            .ShouldBe([(person, "activity_level", "低", "中", "r" + run), (person, "visits_30d", "0", "5", "r" + run)]);

        await rt.ApplyAsync([person], asOf); // nothing new: no change to hand in
        rt.Listener.Last!.Changes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Changes_OrderOfNewCustomer_LeftWithTheEvaluationTheMembershipWasClosedAt()
    {
        await using var rt = await RealtimeDemo.StartAsync(demo);
        var member = (await rt.Host.ReadAsync((db, _) => db.Rows(
            "SELECT oneid FROM segment_members WHERE segment = '新客未下单' AND to_seq IS NULL ORDER BY oneid LIMIT 1"), Ct))[0][0] as string;
        member.ShouldNotBeNull();
        var asOf = RealtimeDemo.DemoAsOf.AddHours(2);
        await rt.AddAsync([new FactEvent(member, "order", asOf.AddHours(-1))]);
        await rt.ApplyAsync([member], asOf);

        var closedAt = await rt.Host.ReadAsync((db, _) => Convert.ToInt64(db.Rows(
            "SELECT to_seq FROM segment_members WHERE segment = '新客未下单' AND oneid = $1 AND to_seq IS NOT NULL", member)[0][0]), Ct);
        rt.Listener.Last!.Changes.Where(c => c.Kind != ChangeKind.TagChanged).Select(c => (c.Person, c.Kind, c.Name, c.Occurrence))
            .ShouldBe([(member, ChangeKind.Left, "新客未下单", "s" + closedAt)]);
    }
}
