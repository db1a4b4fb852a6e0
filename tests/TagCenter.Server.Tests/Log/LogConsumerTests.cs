using System.Text;
using Microsoft.Extensions.Time.Testing;
using TagCenter.Server.Log;

namespace TagCenter.Server.Tests.Log;

public class LogConsumerTests
{
    private static async Task AppendAsync(DurableLog log, int from, int count)
    {
        for (var i = from; i < from + count; i++)
            await log.AppendAsync(Encoding.UTF8.GetBytes($"e{i}"));
    }

    private static string[] Texts(IEnumerable<LogRecord> records) => [.. records.Select(r => Encoding.UTF8.GetString(r.Payload.Span))];

    [Fact]
    public async Task A_crash_before_commit_replays_what_was_not_committed()
    {
        using var dir = new TempFolder();
        await using (var log = DurableLog.Open(dir.Path))
        {
            await AppendAsync(log, 0, 10);
            var consumer = new LogConsumer(log, "engine");
            Texts(consumer.ReadBatch(4)).ShouldBe(["e0", "e1", "e2", "e3"]);
            consumer.Commit();
            Texts(consumer.ReadBatch(4)).ShouldBe(["e4", "e5", "e6", "e7"]);
            // "crash": no commit of the second batch
        }
        await using (var log = DurableLog.Open(dir.Path))
        {
            var consumer = new LogConsumer(log, "engine");
            consumer.Committed.ShouldBe(4);
            Texts(consumer.ReadBatch(100)).ShouldBe(["e4", "e5", "e6", "e7", "e8", "e9"]);
            consumer.Commit();
            new LogConsumer(log, "other").Committed.ShouldBe(0);   // consumers are independent
        }
        await using (var log = DurableLog.Open(dir.Path))
            new LogConsumer(log, "engine").ReadBatch(100).ShouldBeEmpty();
    }

    [Fact]
    public async Task Commit_beyond_the_log_or_backwards_is_refused()
    {
        using var dir = new TempFolder();
        await using var log = DurableLog.Open(dir.Path);
        await AppendAsync(log, 0, 3);
        var consumer = new LogConsumer(log, "engine");
        Should.Throw<ArgumentOutOfRangeException>(() => consumer.Commit(4));
        consumer.Commit(2);
        Should.Throw<ArgumentOutOfRangeException>(() => consumer.Commit(1));
        Should.Throw<ArgumentException>(() => new LogConsumer(log, "../x"));
    }

    [Fact]
    public async Task A_corrupt_offset_file_is_an_error_not_a_silent_restart()
    {
        using var dir = new TempFolder();
        await using var log = DurableLog.Open(dir.Path);
        await AppendAsync(log, 0, 3);
        new LogConsumer(log, "engine").Commit(3);
        var path = Path.Combine(dir.Path, "engine.offset");
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        bytes[0] ^= 1;
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);
        Should.Throw<LogException>(() => new LogConsumer(log, "engine"));
    }

    [Fact]
    public async Task Segments_are_retired_only_when_applied_and_older_than_the_retention()
    {
        using var dir = new TempFolder();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));
        var options = new LogOptions { SegmentBytes = 2 * (24 + 2), Retention = TimeSpan.FromHours(1) };
        await using var log = DurableLog.Open(dir.Path, options, time);
        await AppendAsync(log, 0, 6);   // e0..e5, 2 per segment: segments 0, 2, 4
        Directory.GetFiles(dir.Path, "*.log").Length.ShouldBe(3);
        var consumer = new LogConsumer(log, "engine");
        consumer.ReadBatch(3);
        consumer.Commit();              // applied below 3: segment 0 wholly applied, segment 2 not
        log.Retire(consumer.Committed).ShouldBeEmpty();   // too recent
        time.Advance(TimeSpan.FromMinutes(61));
        log.Retire(consumer.Committed).ShouldBe([0L]);
        log.FirstOffset.ShouldBe(2);
        Should.Throw<LogException>(() => log.Read(1, 1));
        Texts(log.Read(2, 10)).ShouldBe(["e2", "e3", "e4", "e5"]);
        consumer.ReadBatch(10);
        consumer.Commit();
        log.Retire(consumer.Committed).ShouldBe([2L]);    // the active segment (4) stays
        Directory.GetFiles(dir.Path, "*.log").Select(Path.GetFileName).ShouldBe(["00000000000000000004.log"]);
    }
}
