using System.Text;
using Microsoft.Extensions.Time.Testing;
using TagCenter.Server.Ingest;
using TagCenter.Server.Log;

namespace TagCenter.Server.Tests.Ingest;

public class MessageIdWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_repeat_within_the_window_is_refused()
    {
        var time = new FakeTimeProvider(Start);
        var window = new MessageIdWindow(time);
        window.TryAdd("m1").ShouldBeTrue();
        window.TryAdd("m2").ShouldBeTrue();
        time.Advance(TimeSpan.FromHours(23.9));
        window.TryAdd("m1").ShouldBeFalse();
        window.Contains("m2").ShouldBeTrue();
    }

    [Fact]
    public void Ids_are_kept_at_least_24_hours_and_dropped_within_one_bucket_after()
    {
        var time = new FakeTimeProvider(Start.AddMinutes(59));   // late in a bucket: the worst case for "at least"
        var window = new MessageIdWindow(time);
        window.TryAdd("m1").ShouldBeTrue();
        time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMilliseconds(1));
        window.Contains("m1").ShouldBeTrue();
        time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMilliseconds(2));   // 24 h + one bucket later
        window.Contains("m1").ShouldBeFalse();
        window.Count.ShouldBe(0);
        window.TryAdd("m1").ShouldBeTrue();
    }

    [Fact]
    public void Memory_is_bounded_by_max_ids_evicting_the_oldest_bucket()
    {
        var time = new FakeTimeProvider(Start);
        var window = new MessageIdWindow(time, TimeSpan.FromHours(24), buckets: 24, maxIds: 3);
        window.TryAdd("a");
        window.TryAdd("b");
        time.Advance(TimeSpan.FromHours(2));
        window.TryAdd("c");
        window.TryAdd("d").ShouldBeTrue();   // evicts the bucket holding a and b
        window.Count.ShouldBe(2);
        window.EvictedEarly.ShouldBe(2);
        window.Contains("a").ShouldBeFalse();
        window.Contains("c").ShouldBeTrue();
    }

    [Fact]
    public void Forget_lets_a_retry_through()
    {
        var window = new MessageIdWindow(new FakeTimeProvider(Start));
        window.TryAdd("m1");
        window.Forget(MessageKey.Of("m1"));
        window.TryAdd("m1").ShouldBeTrue();
    }

    [Fact]
    public void An_id_forgotten_and_taken_again_is_kept_by_its_new_bucket_and_counted_once()
    {
        var time = new FakeTimeProvider(Start);
        var window = new MessageIdWindow(time, TimeSpan.FromHours(24), buckets: 24, maxIds: 3);
        window.TryAdd("a").ShouldBeTrue();
        window.TryAdd("b").ShouldBeTrue();
        window.Forget(MessageKey.Of("a"));
        window.TryAdd("a").ShouldBeTrue();   // same bucket again
        window.Forget(MessageKey.Of("b"));
        time.Advance(TimeSpan.FromHours(2));
        window.TryAdd("b").ShouldBeTrue();   // a later bucket now
        window.Count.ShouldBe(2);
        window.TryAdd("c").ShouldBeTrue();
        window.TryAdd("d").ShouldBeTrue();   // evicts the first bucket: only a is still held there
        window.EvictedEarly.ShouldBe(1);
        (window.Contains("a"), window.Contains("b"), window.Contains("c"), window.Contains("d")).ShouldBe((false, true, true, true));
        time.Advance(TimeSpan.FromHours(23));   // the first bucket's window is over; b's is not
        window.Contains("b").ShouldBeTrue();
        time.Advance(TimeSpan.FromHours(2));
        window.Count.ShouldBe(0);
    }

    [Fact]
    public void An_unfinished_write_is_kept_for_its_retries_until_written_or_forgotten()
    {
        var window = new MessageIdWindow(new FakeTimeProvider(Start));
        var first = new TaskCompletionSource();
        var second = new TaskCompletionSource();
        window.Claim(MessageKey.Of("m1"), first.Task).ShouldBeNull();
        window.Claim(MessageKey.Of("m2"), first.Task).ShouldBeNull();
        window.Claim(MessageKey.Of("m3"), second.Task).ShouldBeNull();
        window.Unfinished.ShouldBe(3);
        window.Claim(MessageKey.Of("m1"), second.Task).ShouldBeSameAs(first.Task);   // a retry racing the first write waits for it

        window.Written([MessageKey.Of("m1"), MessageKey.Of("m2")]);
        window.Claim(MessageKey.Of("m1"), second.Task).ShouldBeSameAs(Task.CompletedTask);
        window.Forget(MessageKey.Of("m3"));   // its write failed
        window.Unfinished.ShouldBe(0);
        window.Claim(MessageKey.Of("m3"), second.Task).ShouldBeNull();   // the retry goes through
        window.TryAdd("m4").ShouldBeTrue();   // rebuilt from the log: durable already
        window.Unfinished.ShouldBe(1);
    }

    [Fact]
    public void Ids_that_differ_only_in_case_or_by_one_character_are_different_ids()
    {
        var window = new MessageIdWindow(new FakeTimeProvider(Start));
        string[] ids = ["ajs-0f3c", "ajs-0F3C", "ajs-0f3d", "ajs-0f3c ", "", "é", "e\u0301"];
        foreach (var id in ids)
            window.TryAdd(id).ShouldBeTrue(id);
        foreach (var id in ids)
            window.TryAdd(id).ShouldBeFalse(id);
        window.Count.ShouldBe(ids.Length);
    }

    [Fact]
    public async Task After_a_restart_the_window_is_rebuilt_from_the_recent_log_records()
    {
        using var dir = new TempFolder();
        var time = new FakeTimeProvider(Start);
        var batch = SegmentParser.ParseBatch(Bodies.Batch(
            """{"type":"track","userId":"u1","event":"E","messageId":"old"}""",
            """{"type":"track","userId":"u1","event":"E","messageId":"recent"}"""));
        await using (var log = DurableLog.Open(dir.Path, time: time))
        {
            await log.AppendAsync(SegmentPayload.ToLogPayload(batch.Messages[0], batch, time.GetUtcNow()), TestContext.Current.CancellationToken);
            time.Advance(TimeSpan.FromHours(20));
            await log.AppendAsync(SegmentPayload.ToLogPayload(batch.Messages[1], batch, time.GetUtcNow()), TestContext.Current.CancellationToken);
        }
        time.Advance(TimeSpan.FromHours(5));   // "old" is 25 h old, "recent" 5 h
        await using var reopened = DurableLog.Open(dir.Path, time: time);
        var window = new MessageIdWindow(time);
        MessageIdRebuild.FromLog(window, reopened, time).ShouldBe(1);
        window.Contains("recent").ShouldBeTrue();
        window.Contains("old").ShouldBeFalse();
        window.TryAdd("recent").ShouldBeFalse();
    }

    [Fact]
    public void The_log_payload_carries_the_batch_envelope_and_the_received_time()
    {
        var batch = SegmentParser.ParseBatch(Encoding.UTF8.GetBytes(
            """{"batch":[{"type":"track","userId":"u1","event":"E","messageId":"m-7","receivedAt":"2020-01-01T00:00:00Z"}],"sentAt":"2026-11-22T21:53:02.291Z","context":{"ip":"10.0.0.1"}}"""));
        var payload = SegmentPayload.ToLogPayload(batch.Messages[0], batch, Start);
        Encoding.UTF8.GetString(payload).ShouldBe(
            """{"type":"track","userId":"u1","event":"E","messageId":"m-7","timestamp":"2026-11-22T00:00:00+00:00","sentAt":"2026-11-22T21:53:02.291+00:00","context":{"ip":"10.0.0.1"},"receivedAt":"2026-11-22T00:00:00+00:00"}""");
        SegmentPayload.MessageIdOf(payload).ShouldBe("m-7");
        SegmentPayload.MessageIdOf("""{"a":{"messageId":"inner"},"b":[1]}"""u8).ShouldBeNull();
        SegmentPayload.MessageIdOf("not json"u8).ShouldBeNull();
    }
}
