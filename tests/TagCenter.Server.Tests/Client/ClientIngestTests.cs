using System.Net;
using System.Text;
using System.Text.Json;
using TagCenter.Client;
using TagCenter.Server.Tests.Api;
using TagCenter.Server.Tests.Ingest;

namespace TagCenter.Server.Tests.Client;

/// <summary>The client's ingest: batches within Segment's limits (split at 500 KB, an event over 32 KB refused before sending), Basic write key, retried 5xx, and events the server really applies.</summary>
public sealed class ClientIngestTests(DemoWorkspace demo)
{
    private const string Ok = """{"success":true}""";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static TagCenterClientOptions Options => new()
    {
        BaseAddress = new Uri("http://tagcenter.test/"),
        ApiKey = "tc_api",
        WriteKey = "wk_test",
        RetryDelay = TimeSpan.FromMilliseconds(1),
    };

    private static Dictionary<string, object?> Padding(int bytes) => new() { ["note"] = new string('x', bytes) };

    [Fact]
    public async Task Batching_SplitsAtTheByteLimit_AndSendsEveryEventOnce()
    {
        var fake = new FakeHandler((HttpStatusCode.OK, Ok));
        using var client = new TagCenterClient(Options, fake);
        var sent = new List<string>();
        for (var i = 0; i < 60; i++)
            sent.Add(await client.Ingest.EnqueueAsync(SegmentEvent.Track("u" + i, "Viewed", Padding(10_000)), Cancel));
        await client.Ingest.FlushAsync(Cancel);

        // 60 events of ~10 KB are ~600 KB: more than one batch of 500 KB, each body within it.
        fake.Calls.ShouldBe(2);
        var bodies = fake.Sent.Select(s => s.Body!).ToList();
        bodies.ShouldAllBe(b => Encoding.UTF8.GetByteCount(b) <= 500 * 1024);
        var batches = bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("batch").EnumerateArray().ToList()).ToList();
        batches.SelectMany(b => b).Select(e => e.GetProperty("messageId").GetString()).ShouldBe(sent);
        sent.Distinct().Count().ShouldBe(60);
        // The first batch was full: one event more would not have fitted.
        var next = Encoding.UTF8.GetByteCount(batches[1][0].GetRawText());
        (Encoding.UTF8.GetByteCount(bodies[0]) + 1 + next).ShouldBeGreaterThan(500 * 1024);
        fake.Sent.ShouldAllBe(s => s.Path == "/v1/batch" && s.Authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("wk_test:")));
        var first = batches[0][0];
        first.GetProperty("type").GetString().ShouldBe("track");
        first.GetProperty("userId").GetString().ShouldBe("u0");
        first.GetProperty("event").GetString().ShouldBe("Viewed");
        first.TryGetProperty("timestamp", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task AnEventOver32KB_ThrowsBeforeAnythingIsSent()
    {
        var fake = new FakeHandler((HttpStatusCode.OK, Ok));
        using var client = new TagCenterClient(Options, fake);
        await client.Ingest.IdentifyAsync("u1", new Dictionary<string, object?> { ["name"] = "张三" }, Cancel);

        var e = await Should.ThrowAsync<EventTooLargeException>(() => client.Ingest.TrackAsync("u1", "Huge", Padding(40_000), Cancel));

        e.Limit.ShouldBe(32 * 1024);
        e.Size.ShouldBeGreaterThan(40_000);
        e.Type.ShouldBe("track");
        client.Ingest.Pending.ShouldBe(1); // the identify before it is still queued
        fake.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task A503_IsRetried_ForIngest()
    {
        var fake = new FakeHandler((HttpStatusCode.ServiceUnavailable, """{"code":"busy"}"""), (HttpStatusCode.OK, Ok));
        using var client = new TagCenterClient(Options, fake);
        await client.Ingest.TrackAsync("u1", "Signed Up", cancellationToken: Cancel);
        await client.Ingest.FlushAsync(Cancel);

        fake.Calls.ShouldBe(2);
        fake.Sent[0].Body.ShouldBe(fake.Sent[1].Body); // the same messageIds again: the server drops the repeat
        client.Ingest.Pending.ShouldBe(0);
    }

    [Fact]
    public async Task IdentifyAndTrack_ReachTheWorkspace()
    {
        using var temp = new TempFolder();
        await using var server = await IngestServer.StartAsync(demo.Copy(temp));
        using var client = new TagCenterClient(server.Api.Client, new TagCenterClientOptions { WriteKey = IngestServer.Key });
        var at = new DateTimeOffset(2026, 10, 30, 10, 0, 0, TimeSpan.FromHours(8));
        var identify = await client.Ingest.EnqueueAsync(SegmentEvent.Identify("client-user-1", new Dictionary<string, object?> { ["phone"] = "13912345678" }, at), Cancel);
        var track = await client.Ingest.EnqueueAsync(SegmentEvent.Track("client-user-1", "Product Viewed", new Dictionary<string, object?> { ["category"] = "鞋" }, at), Cancel);
        await client.Ingest.FlushAsync(Cancel);
        await server.CaughtUpAsync();

        var rows = await server.RowsAsync("SELECT event_id, type, event FROM src_sdk_events WHERE event_id IN ($1, $2) ORDER BY type", identify, track);
        rows.Select(r => ((string)r[0]!, (string)r[1]!, r[2] as string)).ShouldBe([(identify, "identify", null), (track, "track", "Product Viewed")]);
        var status = await client.Ingest.StatusAsync(Cancel);
        status.Lag.ShouldBe(0);
        status.NextOffset.ShouldBeGreaterThan(0);

        // A wrong write key: 401 with the server's code, the events stay queued.
        using var stranger = new TagCenterClient(server.Api.Client, new TagCenterClientOptions { WriteKey = "wk_wrong" });
        await stranger.Ingest.TrackAsync("x", "y", cancellationToken: Cancel);
        var e = await Should.ThrowAsync<TagCenterApiException>(() => stranger.Ingest.FlushAsync(Cancel));
        (e.Status, e.Code).ShouldBe((HttpStatusCode.Unauthorized, "invalid_write_key"));
        stranger.Ingest.Pending.ShouldBe(1);
    }
}
