using System.Buffers.Text;

namespace TagCenter.Bench.Realtime;

/// <summary>
/// When each event of a real-time run was sent, arrived, was durable and was updated live, in arrays sized before the
/// clock starts: per log offset (counted from the run's first) and per message number (<c>t-{n}</c>). Writers are the
/// log writer's thread (durable), the live loop (updated) and the sender (sent), each on its own slots.
/// </summary>
internal sealed class OffsetMarks(int size)
{
    private readonly long[] _sentAt = new long[size];
    private readonly long[] _durableAt = new long[size];
    private readonly long[] _updatedAt = new long[size];
    private readonly DateTimeOffset[] _arrived = new DateTimeOffset[size];
    private readonly DateTimeOffset[] _durableWall = new DateTimeOffset[size];
    private readonly DateTimeOffset[] _updatedWall = new DateTimeOffset[size];
    private readonly int[] _message = new int[size];
    private int _updated;

    /// <summary>Offsets updated live so far.</summary>
    public int UpdatedCount => Volatile.Read(ref _updated);

    public void Sent(int first, int count, long at) => Array.Fill(_sentAt, at, first, Math.Min(count, size - first));

    /// <summary>The offset was made durable; <paramref name="message"/> is its message number (-1: not a timed message).</summary>
    public void Durable(long offset, long at, DateTimeOffset arrived, DateTimeOffset wall, int message)
    {
        if (offset < 0 || offset >= size)
            return;
        (_durableAt[offset], _arrived[offset], _durableWall[offset], _message[offset]) = (at, arrived, wall, message + 1);
    }

    public long? DurableAt(long offset) => offset >= 0 && offset < size && _durableAt[offset] != 0 ? _durableAt[offset] : null;

    public void Updated(long offset, long at, DateTimeOffset wall)
    {
        if (offset < 0 || offset >= size || _updatedAt[offset] != 0)
            return;
        (_updatedAt[offset], _updatedWall[offset]) = (at, wall);
        if (_message[offset] > 0)
            Interlocked.Increment(ref _updated);
    }

    /// <summary>The timed messages that were made durable, with their marks (0: not updated live).</summary>
    public IEnumerable<(long Offset, long SentAt, long DurableAt, long UpdatedAt, DateTimeOffset Arrived, DateTimeOffset DurableWall, DateTimeOffset UpdatedWall)> Tracked()
    {
        for (var offset = 0; offset < size; offset++)
            if (_message[offset] > 0 && _message[offset] - 1 < size && _sentAt[_message[offset] - 1] != 0)
                yield return (offset, _sentAt[_message[offset] - 1], _durableAt[offset], _updatedAt[offset], _arrived[offset], _durableWall[offset], _updatedWall[offset]);
    }

    private static ReadOnlySpan<byte> Marker => "\"messageId\":\"t-"u8;

    /// <summary>The n of a payload's <c>"messageId":"t-n"</c> (-1: none).</summary>
    public static int MessageNumber(ReadOnlySpan<byte> payload)
    {
        var at = payload.IndexOf(Marker);
        return at >= 0 && Utf8Parser.TryParse(payload[(at + Marker.Length)..], out int n, out _) ? n : -1;
    }
}
