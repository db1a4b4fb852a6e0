using System.Text;
using TagCenter.Server.Log;

namespace TagCenter.Server.Tests.Log;

public class TornTailTests
{
    private static async Task<long[]> WriteRecordsAsync(string folder, int count)
    {
        // Returns the file length after each record (independent of the codec: measured on disk).
        var ends = new long[count];
        await using var log = DurableLog.Open(folder);
        for (var i = 0; i < count; i++)
        {
            await log.AppendAsync(Encoding.UTF8.GetBytes($"record number {i}"));
            ends[i] = new FileInfo(Path.Combine(folder, "00000000000000000000.log")).Length;
        }
        return ends;
    }

    [Fact]
    public async Task Cutting_the_last_record_at_every_byte_keeps_the_whole_ones_and_reports_the_cut()
    {
        using var dir = new TempFolder();
        var ends = await WriteRecordsAsync(dir.Path, 3);
        var file = Path.Combine(dir.Path, "00000000000000000000.log");
        var original = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
        for (var cut = ends[1] + 1; cut < ends[2]; cut++)
        {
            await File.WriteAllBytesAsync(file, original.AsSpan(0, (int)cut).ToArray(), TestContext.Current.CancellationToken);
            await using var log = DurableLog.Open(dir.Path);
            log.Recovery.Cut.ShouldBeTrue($"cut at {cut}");
            log.Recovery.CutAtPosition.ShouldBe(ends[1]);
            log.Recovery.BytesDropped.ShouldBe(cut - ends[1]);
            log.Recovery.RecordsKept.ShouldBe(2);
            log.Recovery.NextOffset.ShouldBe(2);
            new FileInfo(file).Length.ShouldBe(ends[1]);
            log.Read(0, 10).Select(r => Encoding.UTF8.GetString(r.Payload.Span)).ShouldBe(["record number 0", "record number 1"]);
            (await log.AppendAsync("again"u8.ToArray(), TestContext.Current.CancellationToken)).ShouldBe(2);
        }
    }

    [Fact]
    public async Task A_batch_torn_anywhere_after_its_first_record_is_dropped_whole()
    {
        using var dir = new TempFolder();
        var file = Path.Combine(dir.Path, "00000000000000000000.log");
        long afterSingle;
        await using (var log = DurableLog.Open(dir.Path))
        {
            await log.AppendAsync("single"u8.ToArray(), TestContext.Current.CancellationToken);
            afterSingle = new FileInfo(file).Length;
            await log.AppendBatchAsync(["first of batch"u8.ToArray(), "second of batch"u8.ToArray()], TestContext.Current.CancellationToken);
        }
        var original = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
        for (var cut = afterSingle + 1; cut < original.Length; cut++)   // includes cutting right after the whole first record
        {
            await File.WriteAllBytesAsync(file, original.AsSpan(0, (int)cut).ToArray(), TestContext.Current.CancellationToken);
            await using var log = DurableLog.Open(dir.Path);
            log.Recovery.RecordsKept.ShouldBe(1, $"cut at {cut}");
            log.Recovery.CutAtPosition.ShouldBe(afterSingle);
            log.Read(0, 10).Select(r => Encoding.UTF8.GetString(r.Payload.Span)).ShouldBe(["single"]);
        }
        await File.WriteAllBytesAsync(file, original, TestContext.Current.CancellationToken);
        await using (var whole = DurableLog.Open(dir.Path))
            whole.Recovery.RecordsKept.ShouldBe(3);
    }

    [Fact]
    public async Task Garbage_after_the_last_record_is_cut()
    {
        using var dir = new TempFolder();
        var ends = await WriteRecordsAsync(dir.Path, 2);
        var file = Path.Combine(dir.Path, "00000000000000000000.log");
        await using (var stream = new FileStream(file, FileMode.Append))
            stream.Write(Enumerable.Range(0, 50).Select(i => (byte)(i * 7 + 3)).ToArray());
        await using var log = DurableLog.Open(dir.Path);
        log.Recovery.CutAtPosition.ShouldBe(ends[1]);
        log.Recovery.BytesDropped.ShouldBe(50);
        log.Read(0, 10).Count.ShouldBe(2);
        log.Recovery.Describe().ShouldBe($"log segment 00000000000000000000.log had a torn tail: cut at byte {ends[1]}, 50 bytes dropped, 2 records kept");
    }

    [Fact]
    public async Task A_flipped_bit_in_the_last_record_fails_its_crc_and_is_cut()
    {
        using var dir = new TempFolder();
        var ends = await WriteRecordsAsync(dir.Path, 3);
        var file = Path.Combine(dir.Path, "00000000000000000000.log");
        var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
        bytes[^3] ^= 0x10;   // inside the payload of the last record
        await File.WriteAllBytesAsync(file, bytes, TestContext.Current.CancellationToken);
        await using var log = DurableLog.Open(dir.Path);
        log.Recovery.RecordsKept.ShouldBe(2);
        log.Recovery.BytesDropped.ShouldBe(ends[2] - ends[1]);
    }

    [Fact]
    public async Task A_clean_log_reports_no_cut()
    {
        using var dir = new TempFolder();
        await WriteRecordsAsync(dir.Path, 2);
        await using var log = DurableLog.Open(dir.Path);
        log.Recovery.Cut.ShouldBeFalse();
        log.Recovery.Segment.ShouldBe("00000000000000000000.log");
        log.Recovery.Describe().ShouldBeNull();
    }
}

public class CrashSnapshotTests
{
    [Fact]
    public async Task A_copy_taken_mid_write_recovers_every_record_acknowledged_before_it()
    {
        using var dir = new TempFolder();
        using var copy = new TempFolder();
        var log = DurableLog.Open(dir.Path);
        var acknowledged = 0L;
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var offset = await log.AppendBatchAsync([Encoding.UTF8.GetBytes($"w{t}-{i}"), Encoding.UTF8.GetBytes($"w{t}-{i}b")]);
                InterlockedMax(ref acknowledged, offset + 2);
            }
        })).ToArray();
        while (Interlocked.Read(ref acknowledged) < 500)
            await Task.Delay(1, TestContext.Current.CancellationToken);
        var before = Interlocked.Read(ref acknowledged);
        foreach (var file in Directory.GetFiles(dir.Path))   // the "crash": whatever bytes are there now, maybe half a group
            File.Copy(file, Path.Combine(copy.Path, Path.GetFileName(file)));
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        await log.DisposeAsync();

        await using var recovered = DurableLog.Open(copy.Path);
        recovered.NextOffset.ShouldBeGreaterThanOrEqualTo(before);
        var records = recovered.Read(0, (int)recovered.NextOffset + 1);
        records.Select(r => r.Offset).ShouldBe(Enumerable.Range(0, (int)recovered.NextOffset).Select(i => (long)i));
        // a batch is never split: every "x" has its "xb" right after it
        for (var i = 0; i < records.Count; i += 2)
            Encoding.UTF8.GetString(records[i + 1].Payload.Span).ShouldBe(Encoding.UTF8.GetString(records[i].Payload.Span) + "b");
    }

    private static void InterlockedMax(ref long target, long value)
    {
        for (var current = Interlocked.Read(ref target); value > current; current = Interlocked.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, current) == current)
                return;
    }
}
