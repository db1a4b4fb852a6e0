using System.Buffers.Binary;

namespace TagCenter.Server.Log;

/// <summary>
/// A consumer's committed offset, kept durably in a 12-byte file (<c>[i64 offset][u32 CRC-32C]</c>) next to the
/// segments. It is written to a temporary file, fsynced, then renamed over the old one, so a crash leaves either
/// the old or the new offset, never a torn one.
/// </summary>
internal static class ConsumerOffsetFile
{
    public static string PathOf(string folder, string consumer) => Path.Combine(folder, consumer + ".offset");

    /// <summary>The committed offset, or 0 when the consumer never committed. A corrupt file is an error.</summary>
    public static long Read(string path)
    {
        if (!File.Exists(path))
            return 0;
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length != 12 || Crc32C.Compute(bytes.AsSpan(0, 8)) != BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)))
            throw SegmentFiles.Corrupt(Path.GetFileName(path), 0);
        return BinaryPrimitives.ReadInt64LittleEndian(bytes);
    }

    public static void Write(string path, long offset)
    {
        var bytes = new byte[12];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, offset);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), Crc32C.Compute(bytes.AsSpan(0, 8)));
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(true);
        }
        File.Move(temp, path, overwrite: true);
        DirectorySync.Flush(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }
}
