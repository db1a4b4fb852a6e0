using System.Text;
using TagCenter.Server.Log;

namespace TagCenter.Server.Tests.Log;

public class DurableLogTests
{
    private static byte[] Payload(int i) => Encoding.UTF8.GetBytes($"{{\"n\":{i},\"pad\":\"{new string('x', i % 37)}\"}}");

    [Fact]
    public async Task Round_trip_keeps_offsets_payloads_and_survives_reopen()
    {
        using var dir = new TempFolder();
        await using (var log = DurableLog.Open(dir.Path))
        {
            for (var i = 0; i < 10; i++)
                (await log.AppendAsync(Payload(i), TestContext.Current.CancellationToken)).ShouldBe(i);
            (await log.AppendBatchAsync([Payload(10), Payload(11), Payload(12)], TestContext.Current.CancellationToken)).ShouldBe(10);
            log.NextOffset.ShouldBe(13);
        }
        await using var reopened = DurableLog.Open(dir.Path);
        reopened.Recovery.Cut.ShouldBeFalse();
        reopened.Recovery.RecordsKept.ShouldBe(13);
        var records = reopened.Read(0, 100);
        records.Select(r => r.Offset).ShouldBe(Enumerable.Range(0, 13).Select(i => (long)i));
        records.Select(r => Encoding.UTF8.GetString(r.Payload.Span)).ShouldBe(Enumerable.Range(0, 13).Select(i => Encoding.UTF8.GetString(Payload(i))));
        reopened.Read(5, 2).Select(r => r.Offset).ShouldBe([5L, 6L]);
        reopened.Read(13, 10).ShouldBeEmpty();
        (await reopened.AppendAsync(Payload(13), TestContext.Current.CancellationToken)).ShouldBe(13);
    }

    [Fact]
    public async Task Timestamps_come_from_the_time_provider()
    {
        using var dir = new TempFolder();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
        await using var log = DurableLog.Open(dir.Path, time: time);
        await log.AppendAsync(Payload(0), TestContext.Current.CancellationToken);
        log.Read(0, 1)[0].TimestampMs.ShouldBe(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Concurrent_appenders_are_all_read_back_exactly_once_in_offset_order()
    {
        using var dir = new TempFolder();
        const int Tasks = 32, PerTask = 50;
        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<long, string>();
        await using (var log = DurableLog.Open(dir.Path, new LogOptions { SegmentBytes = 16 * 1024 }))
        {
            await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
            {
                for (var i = 0; i < PerTask; i++)
                {
                    var text = $"task {t} item {i}";
                    var batch = i % 5 == 0 ? new ReadOnlyMemory<byte>[] { Encoding.UTF8.GetBytes(text), Encoding.UTF8.GetBytes(text + " b") } : [Encoding.UTF8.GetBytes(text)];
                    var first = await log.AppendBatchAsync(batch);
                    acknowledged.TryAdd(first, text).ShouldBeTrue();
                    if (batch.Length == 2)
                        acknowledged.TryAdd(first + 1, text + " b").ShouldBeTrue();
                }
            })));
        }
        var expected = Tasks * PerTask + Tasks * (PerTask / 5);
        acknowledged.Count.ShouldBe(expected);
        await using var reopened = DurableLog.Open(dir.Path);
        var all = new List<LogRecord>();
        for (var from = 0L; ;)
        {
            var batch = reopened.Read(from, 97);
            if (batch.Count == 0)
                break;
            all.AddRange(batch);
            from = batch[^1].Offset + 1;
        }
        all.Select(r => r.Offset).ShouldBe(Enumerable.Range(0, expected).Select(i => (long)i));
        foreach (var r in all)
            Encoding.UTF8.GetString(r.Payload.Span).ShouldBe(acknowledged[r.Offset]);
        Directory.GetFiles(dir.Path, "*.log").Length.ShouldBeGreaterThan(1);   // it rolled
        // each task's items appear in the order the task appended them
        var order = all.Select(r => Encoding.UTF8.GetString(r.Payload.Span)).Where(s => !s.EndsWith(" b", StringComparison.Ordinal))
            .GroupBy(s => s.Split(' ')[1]).ToList();
        foreach (var g in order)
            g.Select(s => int.Parse(s.Split(' ')[3], System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(Enumerable.Range(0, PerTask));
    }

    [Fact]
    public async Task Segments_roll_at_the_size_limit_and_are_named_by_first_offset()
    {
        using var dir = new TempFolder();
        var payload = new byte[100];
        await using var log = DurableLog.Open(dir.Path, new LogOptions { SegmentBytes = 3 * (100 + 24) });
        for (var i = 0; i < 7; i++)
            await log.AppendAsync(payload, TestContext.Current.CancellationToken);
        Directory.GetFiles(dir.Path, "*.log").Select(Path.GetFileName).Order()
            .ShouldBe(["00000000000000000000.log", "00000000000000000003.log", "00000000000000000006.log"]);
        log.Read(2, 3).Select(r => r.Offset).ShouldBe([2L, 3L, 4L]);
    }

    [Fact]
    public async Task Oversized_payload_is_refused_before_writing()
    {
        using var dir = new TempFolder();
        await using var log = DurableLog.Open(dir.Path, new LogOptions { MaxPayloadBytes = 10 });
        await Should.ThrowAsync<LogException>(() => log.AppendAsync(new byte[11], TestContext.Current.CancellationToken));
        log.NextOffset.ShouldBe(0);
    }

    [Fact]
    public async Task A_failed_write_fails_its_appenders_and_every_later_append()
    {
        using var dir = new TempFolder();
        await using var log = DurableLog.Open(dir.Path, new LogOptions { SegmentBytes = 2 * (24 + 1) });
        await log.AppendAsync(new byte[1], TestContext.Current.CancellationToken);
        await log.AppendAsync(new byte[1], TestContext.Current.CancellationToken);
        using (File.Create(Path.Combine(dir.Path, "00000000000000000002.log"))) { }   // the roll cannot create its file
        var failed = await Should.ThrowAsync<LogException>(() => log.AppendAsync(new byte[1], TestContext.Current.CancellationToken));
        failed.Message.ShouldStartWith("writing the event log failed");
        (await Should.ThrowAsync<LogException>(() => log.AppendAsync(new byte[1], TestContext.Current.CancellationToken)))
            .Message.ShouldStartWith("the event log stopped taking writes");
        log.NextOffset.ShouldBe(2);
    }

    [Fact]
    public async Task Append_after_dispose_throws()
    {
        using var dir = new TempFolder();
        var log = DurableLog.Open(dir.Path);
        await log.DisposeAsync();
        await Should.ThrowAsync<ObjectDisposedException>(() => log.AppendAsync(new byte[1], TestContext.Current.CancellationToken));
    }
}
