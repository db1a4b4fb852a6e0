using TagCenter.Core.Cleansing;
using TagCenter.Core.Sql;
using TagCenter.Core.Text;

namespace TagCenter.DuckDb.Ingest;

/// <summary>
/// JSON Lines: DuckDB reads the file as one text column per line (so every line keeps its number and a
/// broken line is quarantined, not skipped), then each declared field is extracted with one JSON parse per line.
/// </summary>
internal sealed class JsonlRawReader : IRawReader
{
    // The unit separator cannot appear unescaped in valid JSON, so no valid line is ever split.
    private const string NoDelimiter = "\u001f";

    private const string JsonColumns = "{'j': 'VARCHAR'}";

    public Task ReadAsync(RawReadContext context, CancellationToken cancellationToken)
    {
        Read(context, TextFiles.Utf8Copy(context));
        return Task.CompletedTask;
    }

    private static void Read(RawReadContext context, string path)
    {
        var db = context.Database;
        db.Execute("DROP TABLE IF EXISTS temp.tc_rejects; DROP TABLE IF EXISTS temp.tc_rejects_scan");
        db.Execute($"""
            CREATE OR REPLACE TEMP TABLE tc_lines AS
            SELECT j FROM read_csv({SqlText.Literal(path)}, header = false, auto_detect = false, columns = {JsonColumns},
                delim = '{NoDelimiter}', quote = '', escape = '', max_line_size = {CsvRawReader.MaxLineBytes},
                store_rejects = true, rejects_table = 'tc_rejects', rejects_scan = 'tc_rejects_scan')
            """);
        context.CreateEmptyRejects();
        db.Execute($"""
            INSERT INTO {RawReadContext.Rejects}
            SELECT line, NULL, 'malformed_row', error_type || ': ' || error_message, csv_line FROM temp.tc_rejects
            """);
        Extract(context, "(SELECT rowid + 1 AS _line, j FROM tc_lines)");
    }

    /// <summary>
    /// Extracts the declared fields of JSON texts into <see cref="RawReadContext.RawRelation"/>, setting aside
    /// texts that are not objects and fields that are not scalars. <paramref name="lines"/> is a relation of
    /// <c>(_line, j)</c>: the lines of a file, or the events of an HTTP batch (numbered by log offset).
    /// </summary>
    internal static void Extract(RawReadContext context, string lines)
    {
        var db = context.Database;
        var columns = context.Source.Columns;
        var paths = SqlText.List(columns.Select(c => JsonPath(c.From)));
        var fields = string.Join(", ", columns.Select((c, i) => $"f[{i + 1}] AS {SqlText.Ident(c.Name)}"));
        // Every declared column holds one value: the first field that is an object or an array sets the row aside.
        var nested = "coalesce(" + string.Join(", ", columns.Select((c, i) =>
            $"CASE WHEN t[{i + 1}] IN ('OBJECT', 'ARRAY') THEN {i + 1} END")) + ")";
        db.Execute($"""
            CREATE OR REPLACE TEMP TABLE tc_json AS
            SELECT _line, f, j, {nested} AS bad FROM (
                SELECT _line, j,
                       CASE WHEN json_valid(j) AND json_type(j) = 'OBJECT' THEN json_extract_string(j, {paths}) END AS f,
                       CASE WHEN f IS NOT NULL THEN json_type(j, {paths}) END AS t
                FROM {lines} WHERE j IS NOT NULL)
            """);
        db.Execute($"""
            INSERT INTO {RawReadContext.Rejects}
            SELECT _line, NULL, '{ReasonCodes.JsonInvalid}', $1, left(j, 4096) FROM tc_json WHERE f IS NULL
            """, Texts.T("ingest.json_not_object"));
        db.Execute($"""
            INSERT INTO {RawReadContext.Rejects}
            SELECT _line, {SqlText.List(columns.Select(c => c.Name))}[bad], '{ReasonCodes.JsonNotScalar}',
                   printf($1, {SqlText.List(columns.Select(c => c.From))}[bad]), f[bad]
            FROM tc_json WHERE bad IS NOT NULL
            """, Texts.T("ingest.json_not_scalar", "%s"));
        db.Execute($"CREATE OR REPLACE TEMP VIEW {RawReadContext.RawRelation} AS SELECT _line, {fields} FROM tc_json WHERE f IS NOT NULL AND bad IS NULL");
    }

    /// <summary>A dotted field path (<c>properties.amount</c>) as a JSONPath with every key quoted.</summary>
    internal static string JsonPath(string dotted) =>
        "$" + string.Concat(dotted.Split('.').Select(k => ".\"" + k.Replace("\"", "\\\"", StringComparison.Ordinal) + "\""));
}
