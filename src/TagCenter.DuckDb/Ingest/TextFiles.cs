using System.Text;
using System.Text.Unicode;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;

namespace TagCenter.DuckDb.Ingest;

/// <summary>Encoding checks and GBK → UTF-8 transcoding, done in .NET because DuckDB here reads UTF-8 only.</summary>
internal static class TextFiles
{
    static TextFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// The source's file as UTF-8 for DuckDB: the file itself when it is declared and found UTF-8, otherwise
    /// a transcoded copy that the context deletes when the load is over.
    /// </summary>
    public static string Utf8Copy(RawReadContext context)
    {
        var source = context.Source;
        var path = context.SourceFile;
        RequireExists(source.Name, path);
        if (source.Encoding == "utf-8")
        {
            RequireUtf8(source.Name, path);
            return path;
        }
        var copy = TranscodeToUtf8(source.Name, path, source.Encoding, context.TempDirectory);
        context.Cleanup = () => File.Delete(copy);
        return copy;
    }

    public static void RequireExists(string source, string path)
    {
        if (!File.Exists(path))
            throw new SourceLoadException(source, Texts.T("ingest.file_not_found", path));
    }

    /// <summary>Fails early, naming the line, when a file declared UTF-8 is not (usually a GBK export).</summary>
    public static void RequireUtf8(string source, string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[1 << 20];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var span = buffer.AsSpan(0, read);
        // A multi-byte character may be cut at the buffer's end; only check whole characters.
        if (read == buffer.Length)
            span = span[..Math.Max(0, span.LastIndexOf((byte)'\n'))];
        if (Utf8.IsValid(span))
            return;
        var chars = new char[span.Length];
        _ = Utf8.ToUtf16(span, chars, out var good, out _, replaceInvalidSequences: false);
        var line = span[..good].Count((byte)'\n') + 1;
        throw new SourceLoadException(source, Texts.T("ingest.not_utf8", path, line));
    }

    /// <summary>Transcodes a GBK/GB18030 file to UTF-8; an invalid byte sequence fails with its line number.</summary>
    public static string TranscodeToUtf8(string source, string path, string encodingName, string tempDirectory)
    {
        var encoding = Encoding.GetEncoding(encodingName == "gbk" ? "GB18030" : encodingName,
            EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        Directory.CreateDirectory(tempDirectory);
        var target = Path.Combine(tempDirectory, $"{Path.GetFileNameWithoutExtension(path)}.{Guid.NewGuid():N}.utf8");
        var decoder = encoding.GetDecoder();
        var bytes = new byte[1 << 20];
        var chars = new char[encoding.GetMaxCharCount(bytes.Length)];
        long lines = 0;
        try
        {
            using var input = File.OpenRead(path);
            using var output = new StreamWriter(target, false, new UTF8Encoding(false), 1 << 20);
            int read;
            while ((read = input.Read(bytes, 0, bytes.Length)) > 0)
            {
                int decoded;
                try
                {
                    decoded = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                }
                catch (DecoderFallbackException e)
                {
                    var line = lines + bytes.AsSpan(0, Math.Clamp(e.Index, 0, read)).Count((byte)'\n') + 1;
                    throw new SourceLoadException(source, Texts.T("ingest.bad_encoding", path, line, encodingName.ToUpperInvariant()), e);
                }
                lines += bytes.AsSpan(0, read).Count((byte)'\n');
                output.Write(chars, 0, decoded);
            }
            try
            {
                output.Write(chars, 0, decoder.GetChars([], 0, 0, chars, 0, flush: true));
            }
            catch (DecoderFallbackException e)
            {
                throw new SourceLoadException(source, Texts.T("ingest.truncated_character", path, lines + 1), e);
            }
        }
        catch
        {
            File.Delete(target);
            throw;
        }
        return target;
    }
}
