using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Sql;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Segments;

internal static partial class SegmentsEndpoints
{
    private const int ExportPage = 20_000;

    /// <summary>
    /// The members at the latest evaluation with the tags asked for (as <c>segment export</c>). CSV is written a page
    /// at a time as it is read, each value masked as the caller may see it; Parquet is written by the engine to a
    /// temp file that is streamed and deleted. Every export is audited.
    /// </summary>
    private static async Task<IResult> ExportAsync(string name, HttpContext context, SegmentAccess access, IAuditLog audit, CancellationToken cancellationToken,
        string? format = null, string? tags = null)
    {
        name = SegmentRoute.Name(name);
        var caller = Caller.Of(context);
        var fmt = (format ?? "csv").Trim().ToLowerInvariant();
        if (fmt is not ("csv" or "parquet"))
            throw SegmentAccess.Field("format", Texts.T("api.field.oneof", "csv, parquet", format));
        var segment = access.Get(name, caller);
        // Parquet is written by the engine in one pass, without the masking the CSV path applies value by value.
        if (fmt == "parquet" && !caller.CanReadPii)
            throw new ApiException(403, "pii_required", Texts.T("api.export.parquetpii"));
        var (run, columns) = await access.Host.ReadAsync((db, _) =>
            (WorkspaceSegments.LatestRun(db, segment.Name), Columns(db, access, caller, tags)), cancellationToken);
        await audit.RecordAsync(new AuditEntry(caller.Name, "segment.export", segment.Name,
            After: $"{{\"format\":\"{fmt}\",\"seq\":{run.Seq},\"rows\":{run.Size},\"tags\":[{string.Join(",", columns.Select(c => "\"" + c.Name + "\""))}]}}"), cancellationToken);
        var select = "m.oneid" + string.Concat(columns.Select(c => $", p.{SqlText.Ident(c.Code)} AS {SqlText.Ident(c.Name)}"));
        var join = columns.Count == 0 ? "" : "LEFT JOIN person_tags p USING (oneid)";
        var query = $"SELECT {select} FROM ({SegmentHistory.MembersAt}) m {join}";
        var file = $"segment-{segment.Name}.{fmt}";
        if (fmt == "parquet")
        {
            var temporary = Path.Combine(Path.GetTempPath(), $"tagcenter-export-{Guid.NewGuid():N}.parquet");
            await access.Host.ReadAsync((db, _) => db.Execute($"COPY ({query} ORDER BY m.oneid) TO {SqlText.Literal(temporary)} (FORMAT parquet)", segment.Name, run.Seq), cancellationToken);
            var stream = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            return TypedResults.File(stream, "application/vnd.apache.parquet", file);
        }
        return TypedResults.Stream(async body =>
        {
            var header = string.Join(",", new[] { "oneid" }.Concat(columns.Select(c => c.Name)).Select(Csv)) + "\n";
            await body.WriteAsync(Encoding.UTF8.GetBytes(header), cancellationToken);
            var after = "";
            while (true)
            {
                var rows = await access.Host.ReadAsync((db, _) =>
                    db.Rows($"{query} WHERE m.oneid > $3 ORDER BY m.oneid LIMIT {ExportPage}", segment.Name, run.Seq, after), cancellationToken);
                if (rows.Count == 0)
                    break;
                var text = new StringBuilder();
                foreach (var row in rows)
                {
                    text.Append(Csv(access.Mask((string)row[0]!, caller)));
                    for (var i = 0; i < columns.Count; i++)
                        text.Append(',').Append(Csv(access.Policy.Mask(columns[i].Name, Value(row[i + 1]), caller)));
                    text.Append('\n');
                }
                await body.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken);
                after = (string)rows[^1][0]!;
            }
        }, "text/csv; charset=utf-8", file);
    }

    /// <summary>The tags asked for (by name or code, comma-separated) among those the caller may see, each with its column in person_tags.</summary>
    private static List<(string Name, string Code)> Columns(WorkspaceDatabase db, SegmentAccess access, Caller caller, string? asked)
    {
        var names = (asked ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (names.Count == 0)
            return [];
        var catalog = access.Tags(db, caller);
        if (!db.TableExists("person_tags"))
            throw new NotFoundException(Texts.T("export.notags"));
        var stored = db.Rows("SELECT column_name FROM duckdb_columns() WHERE table_name = 'person_tags'").Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        return [.. names.Select(n => catalog.Find(n) is { } tag && stored.Contains(tag.Code) ? (tag.Name, tag.Code)
            : throw SegmentAccess.Field("tags", Texts.T("segment.export.tag", n, Suggest.Hint(n, catalog.Tags.Select(x => x.Name)))))];
    }

    private static string? Value(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string Csv(string? value) => value is null ? ""
        : value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
