using System.Buffers.Binary;

namespace TagCenter.Server.Log;

/// <summary>
/// The on-disk shape of a record: <c>[u32 body length | more flag][u32 CRC-32C of body][body]</c>, body =
/// <c>[i64 offset][i64 timestamp ms][payload]</c>, little endian. The length prefix lets a reader step over
/// records; the CRC tells a whole record from a torn or corrupt one; the top bit of the length ("more") says
/// another record of the same append follows, so recovery can drop a batch whose tail was torn off instead of
/// keeping half of it.
/// </summary>
internal static class RecordCodec
{
    public const int HeaderSize = 8;
    public const int BodyFixedSize = 16;
    public const int Overhead = HeaderSize + BodyFixedSize;

    public static int EncodedSize(int payloadLength) => Overhead + payloadLength;

    private const uint MoreFlag = 0x8000_0000;

    public static int Write(Span<byte> destination, long offset, long timestampMs, ReadOnlySpan<byte> payload, bool more = false)
    {
        var bodyLength = BodyFixedSize + payload.Length;
        var body = destination.Slice(HeaderSize, bodyLength);
        BinaryPrimitives.WriteInt64LittleEndian(body, offset);
        BinaryPrimitives.WriteInt64LittleEndian(body[8..], timestampMs);
        payload.CopyTo(body[BodyFixedSize..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)bodyLength | (more ? MoreFlag : 0));
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Crc32C.Compute(body));
        return HeaderSize + bodyLength;
    }

    /// <summary>Reads the record at the start of <paramref name="source"/>: <see cref="ReadStatus.Ok"/> with its
    /// size, <see cref="ReadStatus.Incomplete"/> when the bytes end inside it, <see cref="ReadStatus.Corrupt"/>
    /// when the length is impossible or the CRC does not match.</summary>
    public static ReadStatus TryRead(ReadOnlySpan<byte> source, int maxBodyLength, out long offset, out long timestampMs,
        out ReadOnlySpan<byte> payload, out int size) => TryRead(source, maxBodyLength, out offset, out timestampMs, out payload, out size, out _);

    public static ReadStatus TryRead(ReadOnlySpan<byte> source, int maxBodyLength, out long offset, out long timestampMs,
        out ReadOnlySpan<byte> payload, out int size, out bool more)
    {
        offset = 0; timestampMs = 0; payload = default; size = 0; more = false;
        if (source.Length < HeaderSize)
            return ReadStatus.Incomplete;
        var raw = BinaryPrimitives.ReadUInt32LittleEndian(source);
        more = (raw & MoreFlag) != 0;
        var bodyLength = raw & ~MoreFlag;
        if (bodyLength < BodyFixedSize || bodyLength > (uint)maxBodyLength)
            return ReadStatus.Corrupt;
        if (source.Length - HeaderSize < bodyLength)
            return ReadStatus.Incomplete;
        var body = source.Slice(HeaderSize, (int)bodyLength);
        if (Crc32C.Compute(body) != BinaryPrimitives.ReadUInt32LittleEndian(source[4..]))
            return ReadStatus.Corrupt;
        offset = BinaryPrimitives.ReadInt64LittleEndian(body);
        timestampMs = BinaryPrimitives.ReadInt64LittleEndian(body[8..]);
        payload = body[BodyFixedSize..];
        size = HeaderSize + (int)bodyLength;
        return ReadStatus.Ok;
    }
}

internal enum ReadStatus { Ok, Incomplete, Corrupt }
