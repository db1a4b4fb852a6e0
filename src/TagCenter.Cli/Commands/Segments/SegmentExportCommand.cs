using System.CommandLine;
using TagCenter.Cli.Console;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Sql;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Commands.Segments;

/// <summary>
/// <c>segment export &lt;name&gt;</c>: the members at the latest evaluation with the tag columns asked for, as CSV or
/// Parquet. The file is written beside its target and renamed into place, so a failed export leaves nothing behind.
/// </summary>
internal static class SegmentExportCommand
{
    public static Command Create(CliOptions o)
    {
        var name = new Argument<string>("name") { Description = o.Texts["opt.segment.name"] };
        var format = new Option<string>("--format") { Description = o.Texts["opt.export.format"], DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "parquet");
        var tags = new Option<string[]>("--tags") { Description = o.Texts["opt.segment.tags"], AllowMultipleArgumentsPerToken = true };
        var output = new Option<string?>("--out") { Description = o.Texts["opt.export.out"] };
        var force = new Option<bool>("--force") { Description = o.Texts["opt.export.force"] };
        var command = new Command("export", o.Texts["cmd.segment.export"]) { name, format, tags, output, force };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            using var session = context.OpenReadOnly();
            var segment = SegmentWorkspace.All(session.Definition).Get(result.GetValue(name)!);
            var run = SegmentWorkspace.LatestRun(session.Database, segment.Name);
            var columns = Columns(session.Database, result.GetValue(tags) ?? [], t);
            var fmt = result.GetValue(format)!;
            var file = WorkspaceFiles.NewFile(result.GetValue(output) ?? Path.Combine(session.Definition.Root, "exports", $"segment-{segment.Name}.{fmt}"),
                result.GetValue(force));
            WorkspaceFiles.RefuseWorkspaceFile(file, session.Definition);
            foreach (var folder in new[] { Core.Segments.SegmentCatalog.Folder, Core.Segments.BoardCatalog.Folder })
                if (file.StartsWith(Path.Combine(session.Definition.Root, folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    throw new UsageException(t.Format("storage.own_file", file));
            var select = columns.Count == 0 ? "m.oneid"
                : "m.oneid, " + string.Join(", ", columns.Select(c => $"p.{SqlText.Ident(c.Code)} AS {SqlText.Ident(c.Name)}"));
            var join = columns.Count == 0 ? "" : "LEFT JOIN person_tags p USING (oneid)";
            var query = $"SELECT {select} FROM ({SegmentHistory.MembersAt}) m {join} ORDER BY m.oneid";
            var temporary = Path.Combine(Path.GetDirectoryName(file)!, $".{Path.GetFileName(file)}.{Guid.NewGuid():N}.tmp");
            long rows;
            try
            {
                rows = session.Database.Execute($"COPY ({query}) TO {SqlText.Literal(temporary)} ({(fmt == "csv" ? "FORMAT csv, HEADER" : "FORMAT parquet")})", segment.Name, run.Seq);
                File.Move(temporary, file, overwrite: true);
            }
            catch (Exception e) when (e is EngineException or IOException or UnauthorizedAccessException)
            {
                File.Delete(temporary); // no partial file left behind
                throw new IOException(t.Format("storage.write", file, e.Message.Split('\n')[0]), e);
            }
            // Audited as the API's export is (same after-state); its tags count as exports in tag evaluate and review.
            Governance.CliAudit.Record(context, "segment.export", segment.Name, System.Text.Json.JsonSerializer.Serialize(
                new { format = fmt, seq = run.Seq, rows, tags = columns.Select(c => c.Name), file }, Governance.CliAudit.JsonOptions));
            if (context.Json)
                JsonOutput.Write(new { name = segment.Name, format = fmt, file, rows, seq = run.Seq, as_of = run.AsOf, tags = columns.Select(c => c.Name) });
            else
            {
                ConsoleOutput.Ok(t.Format("segment.exported", rows, segment.Name, file));
                if (rows == 0)
                    ConsoleOutput.Warn(t["segment.empty"]);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The tags asked for (by name or code; "a,b" or "a b"), each with its column in person_tags.</summary>
    private static List<(string Name, string Code)> Columns(WorkspaceDatabase db, string[] asked, Texts t)
    {
        var names = asked.SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (names.Count == 0)
            return [];
        var catalog = SegmentWorkspace.Published(db);
        if (!db.TableExists("person_tags"))
            throw new NotFoundException(t["export.notags"]);
        var columns = db.Rows("SELECT column_name FROM duckdb_columns() WHERE table_name = 'person_tags'").Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        return [.. names.Select(n => catalog.Find(n) is { } tag && columns.Contains(tag.Code) ? (tag.Name, tag.Code)
            : throw new NotFoundException(t.Format("segment.export.tag", n, Suggest.Hint(n, catalog.Tags.Select(x => x.Name)))))];
    }
}
