using System.Buffers;
using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using System.Text.Json;
using TagCenter.Core.Bitmaps;
using TagCenter.Core.Text;

namespace TagCenter.DuckDb.Index;

/// <summary>
/// An index file mapped into memory: the directory is read and checked when it opens (markers, lengths, every
/// bitmap inside the data area); a bitmap is deserialized, with the format's own checks, only when asked for.
/// </summary>
internal sealed class IndexFileReader : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;

    private IndexFileReader(string path, MemoryMappedFile file, MemoryMappedViewAccessor view, IndexManifest manifest)
    {
        FilePath = path;
        _file = file;
        _view = view;
        Manifest = manifest;
    }

    public string FilePath { get; }

    public IndexManifest Manifest { get; }

    public static IndexFileReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        var length = stream.Length;
        if (length < IndexFileWriter.Magic.Length + IndexFileWriter.FooterSize)
        {
            stream.Dispose();
            throw new IndexFileException(path, Texts.T("index.corrupt.short", length));
        }
        var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        try
        {
            var manifest = ReadManifest(path, view, length);
            return new IndexFileReader(path, file, view, manifest);
        }
        catch
        {
            view.Dispose();
            file.Dispose();
            throw;
        }
    }

    /// <summary>The bitmap at <paramref name="slot"/>; <paramref name="tag"/> names it in an error.</summary>
    public RoaringBitmap Read(BitmapSlot slot, string tag)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(slot.Length, 1));
        try
        {
            var bytes = buffer.AsSpan(0, slot.Length);
            _view.SafeMemoryMappedViewHandle.ReadSpan((ulong)slot.Offset, bytes);
            var bitmap = RoaringPortableFormat.Deserialize(bytes, out var read);
            if (read != slot.Length)
                throw new IndexFileException(FilePath, Texts.T("index.corrupt.range", tag, slot.Offset, slot.Offset + read, slot.Offset + slot.Length));
            return bitmap;
        }
        catch (BitmapFormatException e)
        {
            throw new IndexFileException(FilePath, Texts.T("index.corrupt.bitmap", tag, e.Message), e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IndexManifest ReadManifest(string path, MemoryMappedViewAccessor view, long length)
    {
        Span<byte> head = stackalloc byte[8];
        Span<byte> footer = stackalloc byte[IndexFileWriter.FooterSize];
        view.SafeMemoryMappedViewHandle.ReadSpan(0, head);
        view.SafeMemoryMappedViewHandle.ReadSpan((ulong)(length - footer.Length), footer);
        if (!head.SequenceEqual(IndexFileWriter.Magic) || !footer[12..].SequenceEqual(IndexFileWriter.Magic))
            throw new IndexFileException(path, Texts.T("index.corrupt.magic"));
        var at = BinaryPrimitives.ReadInt64LittleEndian(footer);
        var size = BinaryPrimitives.ReadInt32LittleEndian(footer[8..]);
        var dataEnd = length - footer.Length;
        if (at < head.Length || size < 0 || at + size != dataEnd)
            throw new IndexFileException(path, Texts.T("index.corrupt.manifest", $"{at}+{size} ≠ {dataEnd}"));
        var json = new byte[size];
        view.SafeMemoryMappedViewHandle.ReadSpan((ulong)at, json.AsSpan());
        IndexManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<IndexManifest>(json, IndexManifest.Json)
                ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new IndexFileException(path, Texts.T("index.corrupt.manifest", e.Message), e);
        }
        if (manifest.Version is < IndexManifest.OldestVersion or > IndexManifest.CurrentVersion)
            throw new IndexFileException(path, Texts.T("index.version", manifest.Version, $"{IndexManifest.OldestVersion}–{IndexManifest.CurrentVersion}"));
        Check(path, manifest.All, "*", at);
        foreach (var tag in (manifest.Tags ?? []).Concat(manifest.Activity ?? []))
        {
            if (tag.Code is null || tag.Bitmaps is null || tag.HasValue is null)
                throw new IndexFileException(path, Texts.T("index.corrupt.manifest", tag.Code ?? "?"));
            Check(path, tag.HasValue, tag.Code, at);
            foreach (var slot in tag.Bitmaps)
                Check(path, slot, tag.Code, at);
        }
        return manifest;
    }

    private static void Check(string path, BitmapSlot? slot, string tag, long dataEnd)
    {
        if (slot is null || slot.Offset < IndexFileWriter.Magic.Length || slot.Length < 0 || slot.Offset + slot.Length > dataEnd)
            throw new IndexFileException(path, Texts.T("index.corrupt.range", tag, slot?.Offset ?? 0, (slot?.Offset ?? 0) + (slot?.Length ?? 0), dataEnd));
    }

    public void Dispose()
    {
        _view.Dispose();
        _file.Dispose();
    }
}
