using TagCenter.Server.Log;

namespace TagCenter.Server.Ingest;

/// <summary>Refills a <see cref="MessageIdWindow"/> on start from the log records appended within its window, so
/// de-duplication survives a restart without a file of its own (the log keeps at least the window when its
/// retention is longer than the window).</summary>
public static class MessageIdRebuild
{
    /// <summary>Adds the messageId of every record newer than the window; returns how many ids were added.</summary>
    public static long FromLog(MessageIdWindow window, DurableLog log, TimeProvider time, int batchSize = 4096)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(time);
        var since = (time.GetUtcNow() - window.Window).ToUnixTimeMilliseconds();
        var added = 0L;
        for (var from = log.FirstOffset; from < log.NextOffset;)
        {
            var records = log.Read(from, batchSize);
            if (records.Count == 0)
                break;
            foreach (var record in records)
                if (record.TimestampMs >= since && SegmentPayload.MessageIdOf(record.Payload.Span) is { } id
                    && window.TryAdd(id, DateTimeOffset.FromUnixTimeMilliseconds(record.TimestampMs)))
                    added++;
            from = records[^1].Offset + 1;
        }
        return added;
    }
}
