using System.Buffers.Binary;
using TagCenter.Core.Text;

namespace TagCenter.Core.Bitmaps;

/// <summary>
/// Reads the Roaring portable format and checks every length, order and count against the bytes, so corrupt
/// input ends in a <see cref="BitmapFormatException"/> naming the problem and its byte offset.
/// </summary>
internal ref struct PortableReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public RoaringBitmap Read(out int bytesRead)
    {
        Need(4, Texts.T("bitmap.what.cookie"));
        var cookie = BinaryPrimitives.ReadUInt32LittleEndian(_bytes);
        int size;
        var runBits = ReadOnlySpan<byte>.Empty;
        var hasRuns = (cookie & 0xFFFF) == RoaringPortableFormat.SerialCookie;
        if (hasRuns)
        {
            size = (int)(cookie >> 16) + 1;
            _position = 4;
            runBits = Take((size + 7) / 8, Texts.T("bitmap.what.header"));
        }
        else if (cookie == RoaringPortableFormat.SerialCookieNoRuns)
        {
            _position = 4;
            Need(4, Texts.T("bitmap.what.header"));
            var count = BinaryPrimitives.ReadUInt32LittleEndian(_bytes[4..]);
            if (count > 65536)
                throw Corrupt(4, "bitmap.too-many", count);
            size = (int)count;
            _position = 8;
        }
        else
        {
            throw Corrupt(0, "bitmap.cookie", cookie);
        }

        var descriptionAt = _position;
        var description = Take(4 * size, Texts.T("bitmap.what.header"));
        var withOffsets = !hasRuns || size >= RoaringPortableFormat.NoOffsetThreshold;
        var offsetsAt = _position;
        var offsets = withOffsets ? Take(4 * size, Texts.T("bitmap.what.header")) : [];

        var keys = new ushort[size];
        var containers = new Container[size];
        for (var i = 0; i < size; i++)
        {
            keys[i] = BinaryPrimitives.ReadUInt16LittleEndian(description[(4 * i)..]);
            if (i > 0 && keys[i] <= keys[i - 1])
                throw Corrupt(descriptionAt + (4 * i), "bitmap.keys", keys[i], keys[i - 1]);
            var cardinality = BinaryPrimitives.ReadUInt16LittleEndian(description[((4 * i) + 2)..]) + 1;
            if (withOffsets)
            {
                var offset = BinaryPrimitives.ReadUInt32LittleEndian(offsets[(4 * i)..]);
                if (offset != _position)
                    throw Corrupt(offsetsAt + (4 * i), "bitmap.offset", i, offset, _position);
            }
            var isRun = hasRuns && (runBits[i / 8] & (1 << (i % 8))) != 0;
            containers[i] = isRun ? ReadRun(i, cardinality)
                : cardinality > Container.ArrayMaxCardinality ? ReadBitset(i, cardinality)
                : ReadArray(i, cardinality);
        }
        bytesRead = _position;
        return new RoaringBitmap(keys, containers, size);
    }

    private ArrayContainer ReadArray(int index, int cardinality)
    {
        var at = _position;
        var bytes = Take(2 * cardinality, Texts.T("bitmap.what.container", index));
        var values = new ushort[cardinality];
        for (var j = 0; j < cardinality; j++)
        {
            values[j] = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(2 * j)..]);
            if (j > 0 && values[j] <= values[j - 1])
                throw Corrupt(at + (2 * j), "bitmap.array", index, values[j]);
        }
        return new ArrayContainer(values, cardinality);
    }

    private BitsetContainer ReadBitset(int index, int cardinality)
    {
        var at = _position;
        var bytes = Take(BitsetContainer.Size, Texts.T("bitmap.what.container", index));
        var words = new ulong[Container.BitsetWords];
        for (var j = 0; j < words.Length; j++)
            words[j] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(8 * j)..]);
        var actual = BitsetOps.PopCount(words);
        if (actual != cardinality)
            throw Corrupt(at, "bitmap.bitset", index, actual, cardinality);
        return new BitsetContainer(words, cardinality);
    }

    private RunContainer ReadRun(int index, int cardinality)
    {
        var at = _position;
        var what = Texts.T("bitmap.what.container", index);
        int count = BinaryPrimitives.ReadUInt16LittleEndian(Take(2, what));
        var bytes = Take(4 * count, what);
        var runs = new ushort[2 * count];
        var next = 0;
        var total = 0;
        for (var j = 0; j < count; j++)
        {
            int start = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(4 * j)..]);
            int length = BinaryPrimitives.ReadUInt16LittleEndian(bytes[((4 * j) + 2)..]);
            if (start < next || start + length > ushort.MaxValue)
                throw Corrupt(at + 2 + (4 * j), "bitmap.run", index, j);
            runs[2 * j] = (ushort)start;
            runs[(2 * j) + 1] = (ushort)length;
            next = start + length + 1;
            total += length + 1;
        }
        if (total != cardinality)
            throw Corrupt(at, "bitmap.run-card", index, total, cardinality);
        return new RunContainer(runs, count);
    }

    private ReadOnlySpan<byte> Take(int length, string what)
    {
        Need(length, what);
        var slice = _bytes.Slice(_position, length);
        _position += length;
        return slice;
    }

    private readonly void Need(int length, string what)
    {
        var left = _bytes.Length - _position;
        if (left < length)
            throw Corrupt(_position, "bitmap.truncated", what, length, left);
    }

    private static BitmapFormatException Corrupt(long offset, string key, params object?[] args) =>
        new(offset, Texts.T(key, args));
}
