using System.Globalization;
using System.Text;
using TagCenter.Core.Cleansing;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Sql;
using TagCenter.Core.Text;

namespace TagCenter.DuckDb.Ingest;

/// <summary>
/// CSV through DuckDB's own parallel reader (all columns as text, no sniffing: the workspace says how the
/// file is written). Records DuckDB cannot split go to rejects with their physical line.
/// </summary>
internal sealed class CsvRawReader : IRawReader
{
    /// <summary>Longest record accepted; longer ones are quarantined, not loaded.</summary>
    public const int MaxLineBytes = 8 << 20;

    /// <summary>The column of a cleaned copy that carries each record's physical line.</summary>
    private const string LineColumn = "__tc_line";

    public Task ReadAsync(RawReadContext context, CancellationToken cancellationToken)
    {
        Read(context, TextFiles.Utf8Copy(context), cancellationToken);
        return Task.CompletedTask;
    }

    private static void Read(RawReadContext context, string path, CancellationToken cancellationToken)
    {
        var source = context.Source;
        var fileColumns = HeaderColumns(source.Name, path, source.Delimiter, source.Quote, source.Header);
        var selected = source.Columns.Select(c =>
        {
            var index = source.Header ? fileColumns.IndexOf(c.From) : int.TryParse(c.From, out var n) ? n - 1 : -1;
            if (index < 0 || index >= fileColumns.Count)
                throw new SourceLoadException(source.Name, source.Header
                    ? Texts.T("ingest.csv_no_column", c.From, c.Name, context.Source.Path, string.Join(", ", fileColumns))
                    : Texts.T("ingest.csv_column_number", c.Name, fileColumns.Count));
            return $"{SqlText.Ident(fileColumns[index])} AS {SqlText.Ident(c.Name)}";
        }).ToList();

        context.CreateEmptyRejects();
        var scanner = new CsvScanner(source.Delimiter, source.Quote, fileColumns.Count);
        // A transcoded copy is UTF-8 by construction: only a file declared UTF-8 is checked while it is scanned.
        var summary = scanner.Scan(source.Name, path, source.Header, checkUtf8: source.Encoding == "utf-8", null, cancellationToken);
        var readable = summary.ReadableAsIs;
        if (!readable)
        {
            // Good records go to a copy DuckDB can read, each with its physical line; bad ones straight to rejects.
            path = CleanCopy(context, scanner, path, cancellationToken);
            fileColumns.Insert(0, LineColumn);
            selected.Insert(0, $"CAST({SqlText.Ident(LineColumn)} AS BIGINT) AS _line");
        }

        var columns = "{" + string.Join(", ", fileColumns.Select(c => $"{SqlText.Literal(c)}: 'VARCHAR'")) + "}";
        var db = context.Database;
        db.Execute("DROP TABLE IF EXISTS temp.tc_rejects; DROP TABLE IF EXISTS temp.tc_rejects_scan");
        // A view: the staged pass scans the file itself, in parallel, and keeps the file's order.
        db.Execute($"""
            CREATE OR REPLACE TEMP VIEW {RawReadContext.RawRelation} AS
            SELECT {string.Join(", ", selected)}
            FROM read_csv({SqlText.Literal(path)}, header = {(source.Header || !readable ? "true" : "false")}, auto_detect = false,
                delim = {SqlText.Literal(source.Delimiter.ToString())}, quote = {SqlText.Literal(source.Quote.ToString())},
                escape = {SqlText.Literal(source.Quote.ToString())}, columns = {columns}, max_line_size = {MaxLineBytes},
                store_rejects = true, rejects_table = 'tc_rejects', rejects_scan = 'tc_rejects_scan')
            """);
        context.LineFromInsertionOrder = readable ? source.Header ? 2 : 1 : null;
        // The scan above should leave DuckDB nothing to reject; if it does, one row per record, never per column.
        var line = readable ? "line" : $"coalesce(TRY_CAST(split_part(csv_line, {SqlText.Literal(source.Delimiter.ToString())}, 1) AS BIGINT), line)";
        context.AfterScan = () => db.Execute($"""
            INSERT INTO {RawReadContext.Rejects}
            SELECT {line}, NULL, '{ReasonCodes.MalformedRow}', any_value(error_type || ': ' || error_message), any_value(csv_line)
            FROM temp.tc_rejects GROUP BY ALL
            """);
    }

    /// <summary>
    /// Writes the good records to a copy (LF line ends, the physical line as the first field) and the bad ones to
    /// the rejects, and returns the copy's path; the context deletes it when the load is over.
    /// </summary>
    private static string CleanCopy(RawReadContext context, CsvScanner scanner, string path, CancellationToken cancellationToken)
    {
        var source = context.Source;
        Directory.CreateDirectory(context.TempDirectory);
        var copy = Path.Combine(context.TempDirectory, $"{Path.GetFileNameWithoutExtension(path)}.{Guid.NewGuid():N}.csv");
        var previous = context.Cleanup;
        context.Cleanup = () =>
        {
            previous?.Invoke();
            File.Delete(copy);
        };
        var delimiter = (byte)source.Delimiter;
        using (var output = new FileStream(copy, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        using (var appender = context.Database.Connection.CreateAppender(RawReadContext.Rejects))
        {
            output.Write(Encoding.UTF8.GetBytes(LineColumn));
            output.WriteByte((byte)'\n');
            var number = new byte[24];
            scanner.Scan(source.Name, path, source.Header, checkUtf8: false, (record, line, problem) =>
            {
                if (problem is not null)
                {
                    var raw = Encoding.UTF8.GetString(record[..Math.Min(record.Length, 65536)]);
                    appender.CreateRow().AppendValue(line).AppendNullValue().AppendValue(ReasonCodes.MalformedRow)
                        .AppendValue(problem).AppendValue(raw).EndRow();
                    return;
                }
                line.TryFormat(number, out var written, default, CultureInfo.InvariantCulture);
                output.Write(number, 0, written);
                output.WriteByte(delimiter);
                output.Write(record);
                output.WriteByte((byte)'\n');
            }, cancellationToken);
        }
        return copy;
    }

    /// <summary>The file's column names (or column1..n without a header), from its first record.</summary>
    internal static List<string> HeaderColumns(string sourceName, string path, char delimiter, char quote, bool header)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var first = new StringBuilder();
        var inQuotes = false;
        int ch;
        while ((ch = reader.Read()) >= 0)
        {
            if (ch == quote)
                inQuotes = !inQuotes;
            if (!inQuotes && ch is '\n' or '\r')
                break;
            first.Append((char)ch);
            if (first.Length > MaxLineBytes)
                throw new SourceLoadException(sourceName, Texts.T("ingest.csv_header_too_long", path, MaxLineBytes));
        }
        if (first.Length == 0)
            throw new SourceLoadException(sourceName, Texts.T("ingest.csv_empty", path));
        var fields = SplitRecord(first.ToString(), delimiter, quote);
        if (!header)
            return fields.Select((_, i) => $"column{i + 1}").ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return fields.Select((f, i) => seen.Add(f.Trim()) ? f.Trim() : $"{f.Trim()}_{i + 1}").ToList();
    }

    private static List<string> SplitRecord(string line, char delimiter, char quote)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == quote)
            {
                if (inQuotes && i + 1 < line.Length && line[i + 1] == quote)
                {
                    field.Append(quote);
                    i++;
                }
                else
                {
                    inQuotes = !inQuotes;
                }
            }
            else if (c == delimiter && !inQuotes)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }
}
