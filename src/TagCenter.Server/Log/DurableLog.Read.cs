using TagCenter.Core.Text;

namespace TagCenter.Server.Log;

public sealed partial class DurableLog
{
    // Where the last read stopped, so a consumer reading on does not rescan its segment from the start.
    private (long Offset, long Segment, long Position) _hint = (-1, -1, 0);

    /// <summary>The first offset still kept (older segments were retired).</summary>
    public long FirstOffset
    {
        get { lock (_gate) return _segments[0]; }
    }

    /// <summary>Reads up to <paramref name="maxRecords"/> durable records starting at <paramref name="fromOffset"/>
    /// (fewer, or none, at the end of the log).</summary>
    public IReadOnlyList<LogRecord> Read(long fromOffset, int maxRecords)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromOffset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRecords);
        ObjectDisposedException.ThrowIf(_disposed, this);
        long[] segments;
        long activeLength, durableNext;
        (long Offset, long Segment, long Position) hint;
        lock (_gate)
        {
            segments = [.. _segments];
            activeLength = _activeLength;
            durableNext = _durableNext;
            hint = _hint;
        }
        if (fromOffset < segments[0])
            throw new LogException(Texts.T("server.log.retired", fromOffset, segments[0]));
        var result = new List<LogRecord>();
        var index = Array.FindLastIndex(segments, s => s <= fromOffset);
        var position = hint.Offset == fromOffset && hint.Segment == segments[index] ? hint.Position : 0;
        var offset = position == 0 ? segments[index] : fromOffset;
        while (result.Count < maxRecords && offset < durableNext && index < segments.Length)
        {
            var isActive = index == segments.Length - 1;
            var name = SegmentFiles.PathOf(Folder, segments[index]);
            (offset, position) = ReadSegment(name, isActive ? activeLength : -1, position, offset, fromOffset, maxRecords, result);
            if (result.Count >= maxRecords || isActive)
                break;
            index++;
            position = 0;
            offset = segments[index];
        }
        lock (_gate)
            _hint = (offset, segments[Math.Min(index, segments.Length - 1)], position);
        return result;
    }

    private (long Offset, long Position) ReadSegment(string path, long end, long position, long offset, long from, int max, List<LogRecord> into)
    {
        using var stream = OpenForRead(path);
        if (end < 0)
            end = stream.Length;
        var buffer = new byte[Math.Min(end - position, 1 << 20)];
        var limit = RecordCodec.BodyFixedSize + Options.MaxPayloadBytes;
        while (position < end && into.Count < max)
        {
            var count = (int)Math.Min(buffer.Length, end - position);
            stream.Position = position;
            stream.ReadExactly(buffer, 0, count);
            var used = 0;
            while (into.Count < max)
            {
                var status = RecordCodec.TryRead(buffer.AsSpan(used, count - used), limit, out var o, out var ts, out var payload, out var size);
                if (status == ReadStatus.Incomplete)
                    break;
                if (status == ReadStatus.Corrupt || o != offset)
                    throw SegmentFiles.Corrupt(Path.GetFileName(path), position + used);
                if (o >= from)
                    into.Add(new LogRecord(o, ts, payload.ToArray()));
                offset++;
                used += size;
            }
            if (used == 0)
            {
                if (count == end - position)   // the segment ends inside a record: never below the durable end
                    throw SegmentFiles.Corrupt(Path.GetFileName(path), position);
                buffer = new byte[Math.Min(end - position, buffer.Length * 2L)];
            }
            position += used;
        }
        return (offset, position);
    }

    private static FileStream OpenForRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        }
        catch (FileNotFoundException e)
        {
            throw new LogException(Texts.T("server.log.missing", Path.GetFileName(path)), e);
        }
    }

    /// <summary>Deletes the closed segments whose records are all below <paramref name="appliedOffset"/> (the
    /// consumer's committed offset) and were appended longer than <see cref="LogOptions.Retention"/> ago. The
    /// active segment is never deleted. Returns the base offsets deleted.</summary>
    public IReadOnlyList<long> Retire(long appliedOffset)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var cutoff = _time.GetUtcNow().ToUnixTimeMilliseconds() - (long)Options.Retention.TotalMilliseconds;
        var retired = new List<long>();
        while (true)
        {
            long segment, nextBase;
            lock (_gate)
            {
                if (_segments.Count < 2)
                    break;
                (segment, nextBase) = (_segments[0], _segments[1]);
            }
            // Every record of a segment is at or before the next segment's first record (timestamps never decrease).
            if (nextBase > appliedOffset || FirstTimestamp(nextBase) is not { } newest || newest > cutoff)
                break;
            lock (_gate)
                _segments.RemoveAt(0);
            File.Delete(SegmentFiles.PathOf(Folder, segment));
            retired.Add(segment);
        }
        return retired;
    }

    private long? FirstTimestamp(long segment)
    {
        using var stream = OpenForRead(SegmentFiles.PathOf(Folder, segment));
        var header = new byte[RecordCodec.Overhead];
        if (stream.Read(header) < header.Length)
            return null;
        return BitConverter.ToInt64(header, RecordCodec.HeaderSize + 8);
    }
}
