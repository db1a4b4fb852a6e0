using TagCenter.DuckDb.Realtime;
using TagCenter.DuckDb.Tags;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Realtime;

/// <summary>How the real-time path records: each change once, as a realtime run the history reads, and nothing for a batch that changes nothing.</summary>
public sealed class RealtimeRecordingTests(DemoWorkspace demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnApplied_OrderForNewCustomer_LeavesSegmentOnceAndEntersAgainWhenOrderAges()
    {
        await using var rt = await RealtimeDemo.StartAsync(demo);
        var member = (await rt.Host.ReadAsync((db, _) => db.Rows(
            "SELECT oneid FROM segment_members WHERE segment = '新客未下单' AND to_seq IS NULL ORDER BY oneid LIMIT 1"), Ct))[0][0] as string;
        member.ShouldNotBeNull();
        var asOf = RealtimeDemo.DemoAsOf.AddHours(2);

        await rt.AddAsync([new FactEvent(member, "order", asOf.AddHours(-1))]);
        await rt.ApplyAsync([member], asOf);
        rt.Listener.Last!.Memberships.Select(m => (m.Segment, m.Kind)).ShouldBe([("新客未下单", "left")]);
        await rt.ApplyAsync([member], asOf); // the same notification again: nothing new
        rt.Listener.Last!.Memberships.ShouldBeEmpty();
        rt.Listener.Last!.TagChanges.ShouldBe(0);

        // 31 days on, the order is out of the 30-day window: back in.
        await rt.ApplyAsync([member], asOf.AddDays(31));
        rt.Listener.Last!.Memberships.Select(m => (m.Segment, m.Kind)).ShouldBe([("新客未下单", "entered")]);

        var recorded = await rt.Host.ReadAsync((db, _) => SegmentChanges.After(db, "新客未下单", 0), Ct);
        recorded.Select(c => (c.OneId, c.Kind)).ShouldBe([(member, "left"), (member, "entered")]);
        var intervals = await rt.Host.ReadAsync((db, _) => db.Rows(
            "SELECT count(*) FILTER (WHERE to_seq IS NULL), count(*) FROM segment_members WHERE segment = '新客未下单' AND oneid = $1", member), Ct);
        (Convert.ToInt64(intervals[0][0]), Convert.ToInt64(intervals[0][1])).ShouldBe((1L, 2L)); // the closed stay and the new open one
    }

    [Fact]
    public async Task OnApplied_VisitsChange_RecordedAsRealtimeRunInHistory()
    {
        await using var rt = await RealtimeDemo.StartAsync(demo);
        var person = (await rt.PersonsAsync("visits_30d = 0", 1))[0];
        var asOf = RealtimeDemo.DemoAsOf.AddHours(1);
        // Five visits in the window take 近30天访问次数 from 0 to 5, and 活跃度 from 低 to 中 (rule: ≥ 5 is 中).
        await rt.AddAsync([.. Enumerable.Range(1, 5).Select(i => new FactEvent(person, "app_start", asOf.AddMinutes(-i)))]);
        await rt.ApplyAsync([person], asOf);

        var (stored, history, runs) = await rt.Host.ReadAsync((db, _) =>
        {
            var latest = new TagHistory(db).Latest("visits_30d")!;
            return (db.Rows("SELECT visits_30d, activity_level FROM person_tags WHERE oneid = $1", person)[0],
                new TagHistory(db).ValuesOf(person, latest),
                db.Rows("SELECT status FROM tag_runs WHERE run_id = $1", latest.RunId));
        }, Ct);
        (Convert.ToInt64(stored[0]), stored[1]).ShouldBe((5L, "中"));
        history["visits_30d"].ShouldBe("5");
        history["activity_level"].ShouldBe("中");
        runs[0][0].ShouldBe("realtime");
        rt.Listener.Last!.TagChanges.ShouldBe(2);
    }
}
