using System.Buffers;
using System.Text.Unicode;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;

namespace TagCenter.DuckDb.Ingest;

/// <summary>
/// One pass over a UTF-8 CSV file, before DuckDB reads it: finds every record DuckDB's strict parser would
/// stumble on (wrong number of fields, broken quotes, over-long records), with its physical line, and notices
/// what would put DuckDB's line numbers off (records spanning lines, blank lines, mixed line endings). A bad
/// record that spans lines (usually an unclosed quote) is reported at its first line and reading resumes on the
/// next line, so one broken quote costs one row, not the rest of the file.
/// </summary>
internal sealed class CsvScanner
{
    private const int BufferBytes = 2 * CsvRawReader.MaxLineBytes + (1 << 20);

    private readonly byte _quote;
    private readonly byte _delimiter;
    private readonly int _fields;
    private readonly SearchValues<byte> _unquotedStops;

    public CsvScanner(char delimiter, char quote, int fields)
    {
        _delimiter = (byte)delimiter;
        _quote = (byte)quote;
        _fields = fields;
        _unquotedStops = SearchValues.Create([_delimiter, _quote, (byte)'\n']);
    }

    /// <summary>What one record is, by its bytes (line terminator excluded).</summary>
    public delegate void RecordHandler(ReadOnlySpan<byte> record, long line, string? problem);

    /// <summary>Calls <paramref name="onRecord"/> for every record after the header, in file order; returns what it saw.</summary>
    public CsvScanSummary Scan(string source, string path, bool header, bool checkUtf8, RecordHandler? onRecord, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferBytes];
        var summary = new CsvScanSummary();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        int filled = 0, start = 0;
        long line = 1;
        var eof = false;
        var first = true;
        var skipping = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!eof)
            {
                // Keep the unfinished record, fill the rest of the buffer.
                buffer.AsSpan(start, filled - start).CopyTo(buffer);
                filled -= start;
                start = 0;
                var read = stream.ReadAtLeast(buffer.AsSpan(filled), buffer.Length - filled, throwOnEndOfStream: false);
                filled += read;
                eof = filled < buffer.Length;
                if (first && filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                    start = 3;
            }
            var chunkStart = start;
            var chunkLine = line;
            while (start < filled)
            {
                if (skipping)
                {
                    // The rest of an over-long record, already reported.
                    var newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                    start = newline < 0 ? filled : start + newline + 1;
                    skipping = newline < 0;
                    if (newline >= 0)
                        line++;
                    continue;
                }
                var (end, next, newlines, problem) = Record(buffer.AsSpan(start, filled - start), eof);
                if (end < 0)
                    break; // needs more bytes
                var record = buffer.AsSpan(start, end);
                var terminated = next > end;
                if (end > CsvRawReader.MaxLineBytes)
                {
                    problem = Texts.T("ingest.csv_too_long", CsvRawReader.MaxLineBytes);
                    skipping = !terminated && !eof;
                }
                else if (newlines > 0 && problem is not null)
                {
                    // A bad record never swallows the lines after it: it ends with its first line.
                    end = record.IndexOf((byte)'\n');
                    record = record[..end];
                    next = end + 1;
                    newlines = 0;
                    terminated = true;
                }
                if (record.Length > 0 && record[^1] == (byte)'\r' && terminated)
                {
                    record = record[..^1];
                    summary.CrLf++;
                }
                else if (terminated)
                {
                    summary.Lf++;
                }
                if (first && header)
                {
                    first = false;
                }
                else if (record.Length == 0)
                {
                    summary.BlankLines++;
                }
                else
                {
                    first = false;
                    summary.Records++;
                    if (problem is not null)
                        summary.Bad++;
                    if (newlines > 0)
                        summary.MultiLine++;
                    onRecord?.Invoke(record, line, problem);
                }
                line += newlines + (terminated ? 1 : 0);
                start += next;
            }
            if (checkUtf8)
                RequireUtf8(source, path, buffer.AsSpan(chunkStart, start - chunkStart), chunkLine);
            if (eof && start >= filled)
                return summary;
        }
    }

    /// <summary>
    /// The record at the start of <paramref name="span"/>: its length without the terminator (-1: incomplete), where the
    /// next one starts, how many line breaks it holds inside quotes, and what is wrong with it.
    /// </summary>
    private (int End, int Next, int Newlines, string? Problem) Record(ReadOnlySpan<byte> span, bool eof)
    {
        var i = 0;
        var fields = 1;
        var newlines = 0;
        string? problem = null;
        while (true)
        {
            if (i < span.Length && span[i] == _quote)
            {
                // A quoted field: up to the closing quote ("" is an escaped quote).
                i++;
                while (true)
                {
                    var k = span[i..].IndexOf(_quote);
                    if (k < 0 || i + k > CsvRawReader.MaxLineBytes)
                    {
                        if (!eof && span.Length < CsvRawReader.MaxLineBytes)
                            return (-1, 0, 0, null);
                        return Unclosed(span);
                    }
                    newlines += span.Slice(i, k).Count((byte)'\n');
                    i += k + 1;
                    if (i < span.Length && span[i] == _quote)
                    {
                        i++;
                        continue;
                    }
                    if (!eof && (i == span.Length || (i + 1 == span.Length && span[i] == (byte)'\r')))
                        return (-1, 0, 0, null);
                    break;
                }
                if (i < span.Length && span[i] != _delimiter && span[i] != (byte)'\n' && !(span[i] == (byte)'\r' && i + 1 < span.Length && span[i + 1] == (byte)'\n'))
                    problem ??= Texts.T("ingest.csv_after_quote");
            }
            var stop = span[i..].IndexOfAny(_unquotedStops);
            if (stop < 0)
            {
                if (!eof && span.Length <= CsvRawReader.MaxLineBytes)
                    return (-1, 0, 0, null);
                return (span.Length, span.Length, newlines, problem ?? FieldCount(fields));
            }
            i += stop;
            if (span[i] == _delimiter)
            {
                fields++;
                i++;
            }
            else if (span[i] == (byte)'\n')
            {
                return (i, i + 1, newlines, problem ?? FieldCount(fields));
            }
            else
            {
                // A quote inside an unquoted value; strict CSV (and DuckDB) refuse it.
                problem ??= Texts.T("ingest.csv_stray_quote");
                i++;
            }
        }
    }

    private string? FieldCount(int fields) =>
        fields == _fields ? null : Texts.T("ingest.csv_field_count", _fields, fields);

    private static (int, int, int, string?) Unclosed(ReadOnlySpan<byte> span)
    {
        var newline = span.IndexOf((byte)'\n');
        return newline < 0
            ? (span.Length, span.Length, 0, Texts.T("ingest.csv_unclosed_quote"))
            : (newline, newline + 1, 0, Texts.T("ingest.csv_unclosed_quote"));
    }

    private static void RequireUtf8(string source, string path, ReadOnlySpan<byte> span, long firstLine)
    {
        if (Utf8.IsValid(span))
            return;
        var chars = new char[span.Length];
        _ = Utf8.ToUtf16(span, chars, out var good, out _, replaceInvalidSequences: false);
        var line = firstLine + span[..good].Count((byte)'\n');
        throw new SourceLoadException(source, Texts.T("ingest.not_utf8", path, line));
    }
}

/// <summary>What a scan saw: data records, bad ones, and what would put DuckDB's line numbering off.</summary>
internal sealed class CsvScanSummary
{
    public long Records { get; set; }

    public long Bad { get; set; }

    public long MultiLine { get; set; }

    public long BlankLines { get; set; }

    public long CrLf { get; set; }

    public long Lf { get; set; }

    /// <summary>Whether DuckDB can read the file as it is and number its rows by position.</summary>
    public bool ReadableAsIs => Bad == 0 && MultiLine == 0 && BlankLines == 0 && (CrLf == 0 || Lf == 0);
}
