using System.Globalization;
using TagCenter.Core.Text;

namespace TagCenter.Server.Log;

/// <summary>The segment files of a log folder: named by the offset of their first record
/// (<c>00000000000000000042.log</c>), so sorting the names sorts the log.</summary>
internal static class SegmentFiles
{
    public const string Extension = ".log";

    public static string PathOf(string folder, long baseOffset) =>
        Path.Combine(folder, baseOffset.ToString("D20", CultureInfo.InvariantCulture) + Extension);

    /// <summary>The base offsets of the segments in <paramref name="folder"/>, ascending.</summary>
    public static List<long> List(string folder)
    {
        var list = new List<long>();
        foreach (var file in Directory.EnumerateFiles(folder, "*" + Extension))
            if (long.TryParse(Path.GetFileNameWithoutExtension(file), NumberStyles.None, CultureInfo.InvariantCulture, out var b))
                list.Add(b);
        list.Sort();
        return list;
    }

    /// <summary>Scans the last segment: keeps the whole appends (records with a valid CRC and the expected
    /// offsets, up to one without the "more" flag), cuts the rest (torn write, garbage) and fsyncs the cut. Returns the report, the durable length and the last
    /// timestamp seen.</summary>
    public static (LogRecovery Recovery, long Length, long LastTimestamp) Recover(string path, long baseOffset, int maxPayload)
    {
        var bytes = File.ReadAllBytes(path);
        // Records are kept up to the end of the last whole append: a batch missing its tail goes entirely.
        var (position, next, lastTimestamp) = (0, baseOffset, 0L);
        var (scan, scanNext) = (0, baseOffset);
        while (scan < bytes.Length)
        {
            var status = RecordCodec.TryRead(bytes.AsSpan(scan), RecordCodec.BodyFixedSize + maxPayload,
                out var offset, out var timestamp, out _, out var size, out var more);
            if (status != ReadStatus.Ok || offset != scanNext)
                break;
            scanNext++;
            scan += size;
            if (!more)
                (position, next, lastTimestamp) = (scan, scanNext, timestamp);
        }
        var dropped = bytes.Length - position;
        if (dropped > 0)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
            stream.SetLength(position);
            stream.Flush(true);
        }
        return (new LogRecovery(Path.GetFileName(path), next - baseOffset, next, position, dropped), position, lastTimestamp);
    }

    /// <summary>Opens a segment for appending at its end.</summary>
    public static FileStream OpenForAppend(string path)
    {
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read | FileShare.Delete, 1, FileOptions.None);
        stream.Seek(0, SeekOrigin.End);
        return stream;
    }

    public static LogException Corrupt(string segment, long position) =>
        new(Texts.T("server.log.corrupt", segment, position));
}
