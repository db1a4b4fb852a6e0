using System.Text;
using TagCenter.Server.Log;

namespace TagCenter.Server.Tests.Log;

public class Crc32CTests
{
    // Published check values (RFC 3720 appendix B.4 and the CRC catalogue's CRC-32/ISCSI entry).
    [Fact]
    public void Check_value_of_123456789() => Crc32C.Compute("123456789"u8).ShouldBe(0xE3069283u);

    [Fact]
    public void Rfc3720_vectors()
    {
        Crc32C.Compute(new byte[32]).ShouldBe(0x8A9136AAu);
        Crc32C.Compute(Enumerable.Repeat((byte)0xFF, 32).ToArray()).ShouldBe(0x62A8AB43u);
        Crc32C.Compute(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()).ShouldBe(0x46DD794Eu);
        Crc32C.Compute(Enumerable.Range(0, 32).Select(i => (byte)(31 - i)).ToArray()).ShouldBe(0x113FDB5Cu);
    }

    [Fact]
    public void Empty_input_is_zero() => Crc32C.Compute([]).ShouldBe(0u);

    [Fact]
    public void Hardware_path_equals_the_table_path_at_every_length()
    {
        var data = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 40).Select(i => $"event-{i};")));
        for (var n = 0; n <= data.Length; n++)
            Crc32C.Compute(data.AsSpan(0, n)).ShouldBe(~Crc32C.UpdateTable(~0u, data.AsSpan(0, n)), $"length {n}");
    }
}
