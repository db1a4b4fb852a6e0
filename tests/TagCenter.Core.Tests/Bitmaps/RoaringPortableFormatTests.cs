using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using TagCenter.Core.Bitmaps;

namespace TagCenter.Core.Tests.Bitmaps;

public sealed class RoaringPortableFormatTests
{
    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property Serialize_AnySet_RoundTripsBytesValuesAndKinds() => Prop.ForAll(BitmapSpec.Gen().ToArbitrary(), spec =>
    {
        var bitmap = spec.Build();
        var bytes = RoaringPortableFormat.Serialize(bitmap);
        bytes.Length.ShouldBe(RoaringPortableFormat.SerializedSize(bitmap));
        var read = RoaringPortableFormat.Deserialize([.. bytes, 0xEE, 0xFF], out var bytesRead);
        bytesRead.ShouldBe(bytes.Length);
        BitmapAssert.Matches(read, spec.Expected(), spec.ToString());
        BitmapAssert.Kinds(read).ShouldBe(BitmapAssert.Kinds(bitmap));
        RoaringPortableFormat.Serialize(read).ShouldBe(bytes);
    });

    [Fact]
    public void Serialize_Stream_RoundTrips()
    {
        var bitmap = RoaringBitmap.FromRange(5, 100_000);
        bitmap.Add(1_000_000);
        using var stream = new MemoryStream();
        RoaringPortableFormat.Serialize(bitmap, stream);
        stream.Position = 0;
        RoaringPortableFormat.Deserialize(stream).ToArray().ShouldBe(bitmap.ToArray());
    }

    [Fact]
    public void Serialize_Empty_CookieAndZeroContainers() =>
        RoaringPortableFormat.Serialize(new RoaringBitmap()).ShouldBe(new byte[] { 0x3A, 0x30, 0, 0, 0, 0, 0, 0 });

    [Fact]
    public void Serialize_ArrayOnly_ByteLayoutOfTheSpec()
    {
        // cookie 12346, 1 container; key 1, cardinality − 1 = 1; offset 16; values 2 and 3.
        var bytes = RoaringPortableFormat.Serialize(RoaringBitmap.FromSorted([65538, 65539]));
        bytes.ShouldBe(new byte[] { 0x3A, 0x30, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 16, 0, 0, 0, 2, 0, 3, 0 });
    }

    [Fact]
    public void Serialize_OneRun_RunCookieWithoutOffsets()
    {
        // cookie 12347 | (1 − 1) << 16, run bitset 0b1, key 0, cardinality − 1 = 9; 1 run: start 10, length − 1 = 9.
        var bytes = RoaringPortableFormat.Serialize(RoaringBitmap.FromRange(10, 20));
        bytes.ShouldBe(new byte[] { 0x3B, 0x30, 0, 0, 1, 0, 0, 9, 0, 1, 0, 10, 0, 9, 0 });
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3, 4 }, 0, "cookie 67305985")]
    [InlineData(new byte[] { 0x3A, 0x30 }, 0, "the cookie")]
    [InlineData(new byte[] { 0x3A, 0x30, 0, 0, 1, 0, 0, 0, 1, 0 }, 8, "the header")]
    [InlineData(new byte[] { 0x3A, 0x30, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 16, 0, 0, 0, 2, 0 }, 16, "container 0")]
    [InlineData(new byte[] { 0x3A, 0x30, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 16, 0, 0, 0, 3, 0, 2, 0 }, 18, "value 2 is not in strictly increasing order")]
    [InlineData(new byte[] { 0x3A, 0x30, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 17, 0, 0, 0, 2, 0, 3, 0 }, 12, "said to start at byte 17")]
    [InlineData(new byte[] { 0x3A, 0x30, 0, 0, 2, 0, 1, 0 }, 4, "more than the 65536")]
    [InlineData(new byte[] { 0x3B, 0x30, 0, 0, 1, 0, 0, 9, 0, 1, 0, 10, 0, 8, 0 }, 9, "holds 9 values, the header says 10")]
    [InlineData(new byte[] { 0x3B, 0x30, 0, 0, 1, 0, 0, 9, 0, 2, 0, 10, 0, 4, 0, 12, 0, 4, 0 }, 15, "run 1 overlaps")]
    [InlineData(new byte[] { 0x3B, 0x30, 0, 0, 1, 0, 0, 9, 0, 1, 0, 0xF8, 0xFF, 9, 0 }, 11, "passes 65535")]
    public void Deserialize_Corrupt_SaysWhatAndWhere(byte[] bytes, long offset, string problem)
    {
        var e = Should.Throw<BitmapFormatException>(() => RoaringPortableFormat.Deserialize(bytes));
        e.Offset.ShouldBe(offset);
        e.Message.ShouldContain(problem);
        e.Message.ShouldContain($"byte {offset}");
    }

    [Fact]
    public void Deserialize_KeysOutOfOrder_SaysWhichKey()
    {
        var bytes = RoaringPortableFormat.Serialize(RoaringBitmap.FromSorted([1, 65537]));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(12), 0); // the second key becomes 0 again
        var e = Should.Throw<BitmapFormatException>(() => RoaringPortableFormat.Deserialize(bytes));
        e.Offset.ShouldBe(12);
        e.Message.ShouldContain("container key 0 does not follow 0");
    }

    [Fact]
    public void Deserialize_BitsetCountWrong_Throws()
    {
        var bytes = RoaringPortableFormat.Serialize(RoaringBitmap.FromSorted([.. Enumerable.Range(0, 5000).Select(i => (uint)i * 2)]));
        bytes[16] ^= 0x02; // flip bit 1 (clear in the data) of the first word
        var e = Should.Throw<BitmapFormatException>(() => RoaringPortableFormat.Deserialize(bytes));
        e.Offset.ShouldBe(16);
        e.Message.ShouldContain("has 5001 bits set, the header says 5000");
    }

    [Fact]
    public void Deserialize_EveryTruncationAndByteFlip_OnlyFormatErrors()
    {
        var bitmap = RoaringBitmap.FromSorted([1, 2, 3, 70_000, .. Enumerable.Range(0, 5000).Select(i => (uint)(200_000 + (i * 3)))]);
        bitmap.Add(500_000);
        var extra = RoaringBitmap.FromRange(1_000_000, 1_010_000);
        var bytes = RoaringPortableFormat.Serialize(RoaringBitmap.Or(bitmap, extra).Also(b => b.RunOptimize()));
        for (var length = 0; length < bytes.Length; length++)
            Should.Throw<BitmapFormatException>(() => RoaringPortableFormat.Deserialize(bytes.AsSpan(0, length).ToArray()), $"length {length}");
        var random = new Random(42);
        for (var i = 0; i < 3000; i++)
        {
            var corrupt = (byte[])bytes.Clone();
            corrupt[random.Next(Math.Min(corrupt.Length, 200))] ^= (byte)(1 << random.Next(8));
            try
            {
                BitmapAssert.WellFormed(RoaringPortableFormat.Deserialize(corrupt));
            }
            catch (BitmapFormatException)
            {
            }
        }
    }
}

internal static class BitmapTestExtensions
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
