using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;
using TagCenter.Core.Bitmaps;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Index;
using TagCenter.Core.Text;

namespace TagCenter.DuckDb.Index;

/// <summary>
/// Writes an index file: the 8-byte marker, the bitmaps in the Roaring portable format one after another (each at
/// an 8-byte aligned offset), the JSON directory, its offset (int64) and length (int32), and the marker again. The
/// file is written under a temporary name and renamed over the old one, so readers see the old or the new index,
/// never a partial file.
/// </summary>
public sealed class IndexFileWriter : IDisposable
{
    public static ReadOnlySpan<byte> Magic => "TCINDEX1"u8;

    public const int FooterSize = 8 + 4 + 8;

    private readonly string _path;
    private readonly string _temporary;
    private readonly FileStream _stream;
    private bool _done;

    public IndexFileWriter(string path)
    {
        _path = path;
        _temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            _stream = new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
            _stream.Write(Magic);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TagCenterException(Texts.T("index.write", path, e.Message), e);
        }
    }

    /// <summary>Appends a range column (a bit-sliced index: its slices, then its not-null bitmap) and says where it went.</summary>
    public IndexManifestTag Write(string code, IndexEncoding encoding, BitSlicedIndex bsi)
    {
        var slices = bsi.Slices.Select(Write).ToList();
        return new IndexManifestTag(code, IndexedAs.Range, encoding, [], bsi.Base, slices, Write(bsi.NotNull));
    }

    /// <summary>Appends one bitmap and says where it went.</summary>
    public BitmapSlot Write(RoaringBitmap bitmap)
    {
        var padding = (int)((8 - (_stream.Position % 8)) % 8);
        for (var i = 0; i < padding; i++)
            _stream.WriteByte(0);
        var offset = _stream.Position;
        var size = RoaringPortableFormat.SerializedSize(bitmap);
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var written = RoaringPortableFormat.Write(bitmap, buffer);
            _stream.Write(buffer, 0, written);
            return new BitmapSlot(offset, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes the directory and footer, then puts the file in place; returns its size in bytes.</summary>
    public long Complete(IndexManifest manifest)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(manifest, IndexManifest.Json);
        var at = _stream.Position;
        _stream.Write(json);
        Span<byte> footer = stackalloc byte[FooterSize];
        BinaryPrimitives.WriteInt64LittleEndian(footer, at);
        BinaryPrimitives.WriteInt32LittleEndian(footer[8..], json.Length);
        Magic.CopyTo(footer[12..]);
        _stream.Write(footer);
        var size = _stream.Position;
        try
        {
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
            File.Move(_temporary, _path, overwrite: true);
            _done = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TagCenterException(Texts.T("index.write", _path, e.Message), e);
        }
        return size;
    }

    public void Dispose()
    {
        _stream.Dispose();
        if (!_done)
            File.Delete(_temporary);
    }
}
