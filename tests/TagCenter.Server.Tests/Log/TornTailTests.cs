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
