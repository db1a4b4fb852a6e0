using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Ingest;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Commands;

internal static class StatusCommand
{
    public static Command Create(GlobalOptions g)
    {
        var workspace = g.Workspace(".");
        var command = new Command("status", g.Texts["cmd.status"]) { workspace };
        command.SetAction(result =>
        {
            using var session = WorkspaceSession.Open(result, g, workspace);
            var (t, definition, database) = (session.Texts, session.Definition, session.Database);
            var statuses = SourceStatus.For(database, definition.Sources.Select(s => s.Name));
            if (result.GetValue(g.Json))
            {
                JsonOutput.Write(new { workspace = definition.Root, database = definition.DatabasePath, sources = statuses });
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(definition.Name))
                .AddColumn(t["col.source"]).AddColumn(t["col.status"]).AddColumn(t["col.last"])
                .AddColumn(new TableColumn(t["col.read"]).RightAligned()).AddColumn(new TableColumn(t["col.loaded"]).RightAligned())
                .AddColumn(new TableColumn(t["col.quarantined"]).RightAligned()).AddColumn(t["col.reasons"]);
            foreach (var s in statuses)
            {
                var status = s.LastStatus switch
                {
                    null => $"[grey]{t["status.never"]}[/]",
                    "failed" => "[red]failed[/]",
                    var other => $"[green]{other}[/]",
                };
                table.AddRow(Markup.Escape(s.Source), status, s.LastFinished?.ToString("yyyy-MM-dd HH:mm:ss") ?? "",
                    $"{s.Read:N0}", $"{s.Loaded:N0}", $"{s.Quarantined:N0}", Markup.Escape(LoadResultsView.Reasons(s.TopReasons, t, 3)));
            }
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
