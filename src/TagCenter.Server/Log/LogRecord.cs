namespace TagCenter.Server.Log;

/// <summary>One record of the durable log: its offset (0, 1, 2, … across all segments), when it was appended
/// (Unix milliseconds, never decreasing) and the payload bytes the appender gave.</summary>
public sealed record LogRecord(long Offset, long TimestampMs, ReadOnlyMemory<byte> Payload);
