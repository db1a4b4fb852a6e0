using System.Text;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Sql;

namespace TagCenter.DuckDb.Ingest;

/// <summary>
/// CSV through DuckDB's own parallel reader (all columns as text, no sniffing: the workspace says how the
/// file is written). Records DuckDB cannot split go to rejects with their physical line.
/// </summary>
internal sealed class CsvRawReader : IRawReader
{
    /// <summary>Longest record accepted; longer ones are quarantined, not loaded.</summary>
    public const int MaxLineBytes = 8 << 20;

    public Task ReadAsync(RawReadContext context, CancellationToken cancellationToken)
    {
        Read(context, TextFiles.Utf8Copy(context));
        return Task.CompletedTask;
    }

    private static void Read(RawReadContext context, string path)
    {
        var source = context.Source;
        var fileColumns = HeaderColumns(source.Name, path, source.Delimiter, source.Quote, source.Header);
        var selected = source.Columns.Select(c =>
        {
            var index = source.Header ? fileColumns.IndexOf(c.From) : int.TryParse(c.From, out var n) ? n - 1 : -1;
            if (index < 0 || index >= fileColumns.Count)
                throw new SourceLoadException(source.Name, source.Header
                    ? $"column '{c.From}' (for '{c.Name}') is not in the header of {context.Source.Path}; the header has: {string.Join(", ", fileColumns)}"
                    : $"column '{c.Name}' must say 'from: <1-based column number>' (1..{fileColumns.Count}) because the file has no header");
            return $"{SqlText.Ident(fileColumns[index])} AS {SqlText.Ident(c.Name)}";
        });
        var columns = "{" + string.Join(", ", fileColumns.Select(c => $"{SqlText.Literal(c)}: 'VARCHAR'")) + "}";
        var db = context.Database;
        db.Execute("DROP TABLE IF EXISTS temp.tc_rejects; DROP TABLE IF EXISTS temp.tc_rejects_scan");
        // A view: the staged pass scans the file itself, in parallel, and keeps the file's order.
        db.Execute($"""
            CREATE OR REPLACE TEMP VIEW {RawReadContext.RawRelation} AS
            SELECT {string.Join(", ", selected)}
            FROM read_csv({SqlText.Literal(path)}, header = {(source.Header ? "true" : "false")}, auto_detect = false,
                delim = {SqlText.Literal(source.Delimiter.ToString())}, quote = {SqlText.Literal(source.Quote.ToString())},
                escape = {SqlText.Literal(source.Quote.ToString())}, columns = {columns}, max_line_size = {MaxLineBytes},
                store_rejects = true, rejects_table = 'tc_rejects', rejects_scan = 'tc_rejects_scan')
            """);
        context.CreateEmptyRejects();
        context.LineFromInsertionOrder = source.Header ? 2 : 1;
        context.AfterScan = () => db.Execute($"""
            INSERT INTO {RawReadContext.Rejects}
            SELECT line, column_name, 'malformed_row', error_type || ': ' || error_message, csv_line FROM temp.tc_rejects
            """);
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
                throw new SourceLoadException(sourceName, $"{path} line 1: the header is longer than {MaxLineBytes} bytes; is the delimiter right?");
        }
        if (first.Length == 0)
            throw new SourceLoadException(sourceName, $"{path} is empty: expected a header line");
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
