using TagCenter.Client;
using TagCenter.Server.Tests.Api;
using TagCenter.Server.Tests.Realtime;

namespace TagCenter.Server.Tests.Client;

/// <summary>The client's SSE enumerable: the entries and exits the server records after events are applied, in order, and resumed after an id.</summary>
public sealed class ClientStreamTests(DemoWorkspace demo)
{
    private const string Segment = "新客未下单";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SegmentChanges_YieldsTheLeaveAndEnterAfterEvents_AndResumes()
    {
        await using var rt = await RealtimeDemo.StartAsync(demo);
        var person = (await rt.Host.ReadAsync((db, _) => db.Rows(
            "SELECT oneid FROM segment_members WHERE segment = $1 AND to_seq IS NULL ORDER BY oneid LIMIT 1", Segment), Cancel)).Select(r => (string)r[0]!).Single();
        var asOf = RealtimeDemo.DemoAsOf.AddHours(1);
        var client = new TagCenterClient(rt.Server.Client);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        // From the last change recorded before ours: what is recorded before the stream subscribes is replayed, so no change is missed whenever it starts.
        var before = await rt.Host.ReadAsync((db, _) => DuckDb.Realtime.SegmentChanges.Last(db), Cancel);
        await using var live = client.Stream.SegmentChangesAsync(Segment, before, timeout.Token).GetAsyncEnumerator(timeout.Token);
        var first = live.MoveNextAsync();

        // An order leaves the segment (新客 with no order in 30 days); 31 days on, the order has aged out: back in.
        await rt.AddAsync([new FactEvent(person, "order", asOf.AddMinutes(-5))]);
        await rt.ApplyAsync([person], asOf);
        await rt.ApplyAsync([person], asOf.AddDays(31));

        (await first).ShouldBeTrue();
        var left = live.Current;
        (await live.MoveNextAsync()).ShouldBeTrue();
        var entered = live.Current;
        (left.Kind, left.OneId, left.Segment).ShouldBe(("left", person, Segment));
        (entered.Kind, entered.OneId).ShouldBe(("entered", person));
        entered.Id.ShouldBeGreaterThan(left.Id);
        left.At.ShouldNotBeNull();

        await foreach (var change in client.Stream.SegmentChangesAsync(Segment, left.Id, timeout.Token))
        {
            change.ShouldBe(entered); // replayed after the id given, not the one before
            break;
        }
    }
}
