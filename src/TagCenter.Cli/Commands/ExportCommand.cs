using System.CommandLine;
using TagCenter.Cli.Console;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Sql;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.Cli.Commands;

/// <summary>
/// <c>tagcenter export persons|identities|tags</c>: the golden record, identifier → OneID, or tag values per person
/// (the latest, or those of one run with <c>--run</c>) as CSV or Parquet. Read-only.
/// </summary>
internal static class ExportCommand
{
    private static readonly string[] Whats = ["persons", "identities", "tags"];

    public static Command Create(CliOptions o)
    {
        var what = new Argument<string>("what") { Description = o.Texts["opt.export.what"] };
        what.AcceptOnlyFromAmong(Whats);
        var format = new Option<string>("--format") { Description = o.Texts["opt.export.format"], DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "parquet");
        var output = new Option<string?>("--out") { Description = o.Texts["opt.export.out"] };
        var run = new Option<string?>("--run") { Description = o.Texts["opt.export.run"] };
        var force = new Option<bool>("--force") { Description = o.Texts["opt.export.force"] };
        var command = new Command("export", o.Texts["cmd.export"]) { what, format, output, run, force };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            using var session = context.OpenReadOnly();
            var kind = result.GetValue(what)!;
            var fmt = result.GetValue(format)!;
            var runId = result.GetValue(run);
            var (query, parameters, codes) = Query(session.Database, kind, runId, t);
            var file = WorkspaceFiles.NewFile(result.GetValue(output) ?? Path.Combine(session.Definition.Root, "exports", $"{kind}.{fmt}"),
                result.GetValue(force));
            WorkspaceFiles.RefuseWorkspaceFile(file, session.Definition);
            // COPY takes its target as a literal: the path is quoted (never bound), the query's values are bound.
            // It answers with the number of rows it wrote, so the query runs once.
            var target = SqlText.Literal(file);
            long rows;
            try
            {
                rows = session.Database.Execute($"COPY ({query}) TO {target} ({(fmt == "csv" ? "FORMAT csv, HEADER" : "FORMAT parquet")})", parameters);
            }
            catch (EngineException e)
            {
                File.Delete(file); // no partial file left behind
                throw new IOException(t.Format("storage.write", file, e.Message.Split('\n')[0]), e);
            }
            // Audited like the API's exports; the tags it wrote count as exports in tag evaluate and review.
            var catalog = codes.Count == 0 ? null : Segments.SegmentWorkspace.Published(session.Database);
            var tags = codes.Select(c => catalog?.Find(c)?.Name ?? c).ToList();
            Governance.CliAudit.Record(context, "export", kind, System.Text.Json.JsonSerializer.Serialize(new { format = fmt, rows, run = runId, tags, file }, Governance.CliAudit.JsonOptions));
            if (context.Json)
                JsonOutput.Write(new ExportResult(kind, fmt, file, rows, runId));
            else
                ConsoleOutput.Ok(t.Format("export.done", rows, kind, file));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The export's query, its parameters, and the codes of the tags it writes.</summary>
    private static (string Sql, object?[] Parameters, IReadOnlyList<string> Tags) Query(WorkspaceDatabase db, string what, string? runId, Texts t)
    {
        switch (what)
        {
            case "persons":
                Require(db, "dim_person", t["export.noidentity"]);
                return ("SELECT * FROM dim_person ORDER BY oneid", [], []);
            case "identities":
                Require(db, "identity_map", t["export.noidentity"]);
                return ("SELECT type, value, oneid, entity, first_seen, occurrences FROM identity_map ORDER BY oneid, type, value", [], []);
            default:
                if (runId is null)
                {
                    Require(db, "person_tags", t["export.notags"]);
                    return ("SELECT * FROM person_tags ORDER BY oneid", [],
                        [.. db.Rows("SELECT column_name FROM duckdb_columns() WHERE table_name = 'person_tags' AND column_name <> 'oneid'").Select(r => (string)r[0]!)]);
                }
                var history = new TagHistory(db);
                if (!history.Exists)
                    throw new NotFoundException(t["export.notags"]);
                var run = history.Run(runId) ?? throw new NotFoundException(t.Format("export.norun", runId));
                // The values of the tags that run computed, as they were then.
                var values = TagHistory.ValuesAt(run, run.Tags);
                return ($"SELECT oneid, tag, value, ${values.Parameters.Count + 1} AS as_of FROM ({values.Sql}) ORDER BY oneid, tag", [.. values.Parameters, run.AsOf], [.. run.Tags]);
        }
    }

    private static void Require(WorkspaceDatabase db, string table, string message)
    {
        if (!db.TableExists(table))
            throw new NotFoundException(message);
    }

    private sealed record ExportResult(string What, string Format, string File, long Rows, string? Run);
}
