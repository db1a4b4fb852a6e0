using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace TagCenter.Core.Bitmaps;

/// <summary>
/// The Roaring portable serialization (github.com/RoaringBitmap/RoaringFormatSpec), read by CRoaring and the Java
/// and Go libraries: a cookie (12346, or 12347 with a bitset marking run containers), per container its key and
/// cardinality − 1, byte offsets (always without runs, from 4 containers with them), then the payloads, all
/// little-endian.
/// </summary>
public static class RoaringPortableFormat
{
    public const int SerialCookieNoRuns = 12346;
    public const int SerialCookie = 12347;
    public const int NoOffsetThreshold = 4;

    public static int SerializedSize(RoaringBitmap bitmap)
    {
        var size = HeaderSize(bitmap, out _);
        for (var i = 0; i < bitmap.ContainerCount; i++)
            size += bitmap.ContainerAt(i).SerializedSize;
        return size;
    }

    public static byte[] Serialize(RoaringBitmap bitmap)
    {
        var bytes = new byte[SerializedSize(bitmap)];
        Write(bitmap, bytes);
        return bytes;
    }

    public static void Serialize(RoaringBitmap bitmap, Stream stream) => stream.Write(Serialize(bitmap));

    /// <summary>Writes the bitmap to <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Write(RoaringBitmap bitmap, Span<byte> destination)
    {
        var n = bitmap.ContainerCount;
        var position = HeaderSize(bitmap, out var hasRuns);
        if (destination.Length < SerializedSize(bitmap))
            throw new ArgumentException("the destination is smaller than SerializedSize", nameof(destination));
        var header = 0;
        if (hasRuns)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)(SerialCookie | ((n - 1) << 16)));
            header = 4;
            var runBits = destination.Slice(header, (n + 7) / 8);
            runBits.Clear();
            for (var i = 0; i < n; i++)
                if (bitmap.ContainerAt(i) is RunContainer)
                    runBits[i / 8] |= (byte)(1 << (i % 8));
            header += runBits.Length;
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination, SerialCookieNoRuns);
            BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], (uint)n);
            header = 8;
        }
        for (var i = 0; i < n; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(destination[(header + (4 * i))..], bitmap.Keys[i]);
            BinaryPrimitives.WriteUInt16LittleEndian(destination[(header + (4 * i) + 2)..], (ushort)(bitmap.ContainerAt(i).Cardinality - 1));
        }
        header += 4 * n;
        var withOffsets = !hasRuns || n >= NoOffsetThreshold;
        for (var i = 0; i < n; i++)
        {
            var c = bitmap.ContainerAt(i);
            if (withOffsets)
                BinaryPrimitives.WriteUInt32LittleEndian(destination[(header + (4 * i))..], (uint)position);
            WriteContainer(c, destination[position..]);
            position += c.SerializedSize;
        }
        return position;
    }

    public static RoaringBitmap Deserialize(ReadOnlySpan<byte> bytes) => Deserialize(bytes, out _);

    /// <summary>Reads one bitmap from the start of <paramref name="bytes"/> (trailing bytes are left alone).</summary>
    public static RoaringBitmap Deserialize(ReadOnlySpan<byte> bytes, out int bytesRead) =>
        new PortableReader(bytes).Read(out bytesRead);

    /// <summary>Reads a bitmap from the rest of <paramref name="stream"/>.</summary>
    public static RoaringBitmap Deserialize(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static int HeaderSize(RoaringBitmap bitmap, out bool hasRuns)
    {
        var n = bitmap.ContainerCount;
        hasRuns = false;
        for (var i = 0; i < n && !hasRuns; i++)
            hasRuns = bitmap.ContainerAt(i) is RunContainer;
        if (!hasRuns)
            return 8 + (8 * n);
        return 4 + ((n + 7) / 8) + (4 * n) + (n >= NoOffsetThreshold ? 4 * n : 0);
    }

    private static void WriteContainer(Container container, Span<byte> destination)
    {
        switch (container)
        {
            case ArrayContainer array:
                WriteUInt16s(array.Span, destination);
                break;
            case BitsetContainer bitset:
                if (BitConverter.IsLittleEndian)
                    MemoryMarshal.AsBytes(bitset.Words).CopyTo(destination);
                else
                    for (var i = 0; i < Container.BitsetWords; i++)
                        BinaryPrimitives.WriteUInt64LittleEndian(destination[(8 * i)..], bitset.Words[i]);
                break;
            case RunContainer run:
                BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)run.RunCount);
                WriteUInt16s(run.Runs, destination[2..]);
                break;
            default:
                throw new InvalidOperationException("unknown container kind");
        }
    }

    private static void WriteUInt16s(ReadOnlySpan<ushort> values, Span<byte> destination)
    {
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(values).CopyTo(destination);
            return;
        }
        for (var i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteUInt16LittleEndian(destination[(2 * i)..], values[i]);
    }
}
