using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TagCenter.Core.Realtime;
using TagCenter.Server.Realtime;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Realtime;

/// <summary><c>GET /v1/stream/segments/{name}</c>: entries and exits in order, heartbeats, resume with Last-Event-ID; a slow subscriber is dropped, never waited for.</summary>
public sealed class SegmentStreamTests(DemoWorkspace demo)
{
    private const string Segment = "新客未下单";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stream_EntriesAndExits_InOrderAndResumedWithLastEventId()
    {
        await using var rt = await RealtimeDemo.StartAsync(demo, b => b.Services.AddSingleton(new RealtimeOptions { Heartbeat = TimeSpan.FromMilliseconds(300) }));
        var members = (await rt.Host.ReadAsync((db, _) => db.Rows(
            "SELECT oneid FROM segment_members WHERE segment = $1 AND to_seq IS NULL ORDER BY oneid LIMIT 2", Segment), Ct)).Select(r => (string)r[0]!).ToList();
        members.Count.ShouldBe(2);
        var (a, b) = (members[0], members[1]);
        var asOf = RealtimeDemo.DemoAsOf.AddHours(1);

        using var live = await OpenAsync(rt, null);
        await rt.AddAsync([new FactEvent(a, "order", asOf.AddMinutes(-5))]);
        await rt.ApplyAsync([a], asOf);
        await rt.AddAsync([new FactEvent(b, "order", asOf.AddMinutes(-5))]);
        await rt.ApplyAsync([b], asOf);
        await rt.ApplyAsync([a], asOf.AddDays(31)); // a's order has aged out of the 30-day window

        var received = new List<SseEvent>();
        for (var i = 0; i < 3; i++)
            received.Add(await NextEventAsync(live));
        received.Select(e => (e.Event, e.OneId)).ShouldBe([("left", a), ("left", b), ("entered", a)]);
        received.Select(e => e.Id).ShouldBeInOrder(SortDirection.Ascending);
        received.ShouldAllBe(e => e.Segment == Segment);

        using var resumed = await OpenAsync(rt, received[0].Id);
        (await NextEventAsync(resumed)).ShouldBe(received[1]);
        (await NextEventAsync(resumed)).ShouldBe(received[2]);
        (await resumed.ReadLineAsync(Ct)).ShouldBe(": heartbeat", "idle: a heartbeat, no repeat");
    }

    [Fact]
    public async Task Stream_UnknownSegment_404()
    {
        await using var rt = await RealtimeDemo.StartAsync(demo);
        using var response = await rt.Server.Client.GetAsync(new Uri("/v1/stream/segments/nope", UriKind.Relative), Ct);
        ((int)response.StatusCode).ShouldBe(404);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("segment_not_found");
    }

    [Fact]
    public async Task Publish_SlowSubscriber_DroppedWithOverflowWhileOthersGetAll()
    {
        var feed = new SegmentFeed(new RealtimeOptions { SubscriberCapacity = 2 });
        using var slow = feed.Subscribe(Segment);
        using var fast = feed.Subscribe(Segment);
        var got = new List<long>();
        for (var id = 1; id <= 5; id++)
        {
            feed.Publish([new MembershipChange(id, Segment, "P" + id, true, DateTimeOffset.UnixEpoch)]);
            while (fast.Reader.TryRead(out var change))
                got.Add(change.Id);
        }
        got.ShouldBe([1, 2, 3, 4, 5]);
        slow.Overflowed.ShouldBeTrue();
        fast.Overflowed.ShouldBeFalse();
        var kept = new List<long>();
        while (slow.Reader.TryRead(out var change))
            kept.Add(change.Id);
        kept.ShouldBe([1, 2]);
        slow.Reader.Completion.IsCompleted.ShouldBeTrue();
        feed.Subscribers(Segment).ShouldBe(1);
    }

    private sealed record SseEvent(long Id, string Event, string OneId, string Segment);

    private static async Task<StreamReader> OpenAsync(RealtimeDemo rt, long? lastEventId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/stream/segments/" + Uri.EscapeDataString(Segment), UriKind.Relative));
        if (lastEventId is { } id)
            request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await rt.Server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        return new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
    }

    /// <summary>The next event (heartbeats skipped), within ten seconds.</summary>
    private static async Task<SseEvent> NextEventAsync(StreamReader reader)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var fields = new Dictionary<string, string>();
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException();
            if (line.StartsWith(':'))
                continue;
            if (line.Length == 0)
            {
                if (fields.Count == 0)
                    continue;
                var data = JsonDocument.Parse(fields["data"]).RootElement;
                return new SseEvent(long.Parse(fields["id"], System.Globalization.CultureInfo.InvariantCulture), fields["event"],
                    data.GetProperty("oneid").GetString()!, data.GetProperty("segment").GetString()!);
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            fields[line[..colon]] = line[(colon + 1)..].TrimStart();
        }
    }
}
