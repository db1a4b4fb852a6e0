using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace TagCenter.Server.Ingest;

/// <summary>A messageId as <see cref="MessageIdWindow"/> holds it: its 128-bit XXH128 hash, taken once per message.</summary>
public readonly record struct MessageKey(UInt128 Hash)
{
    public static MessageKey Of(string messageId)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        return new(XxHash128.HashToUInt128(MemoryMarshal.AsBytes(messageId.AsSpan())));
    }
}
