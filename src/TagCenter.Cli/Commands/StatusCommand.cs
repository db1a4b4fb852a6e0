using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Freshness;
using TagCenter.DuckDb.Ingest;

namespace TagCenter.Cli.Commands;

/// <summary><c>tagcenter status</c>: each source's last load and quarantine reasons, and how fresh each stage is. Read-only.</summary>
internal static class StatusCommand
{
    public static Command Create(CliOptions o)
    {
        var command = new Command("status", o.Texts["cmd.status"]);
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            using var session = context.OpenReadOnly();
            var (definition, database) = (session.Definition, session.Database);
            var statuses = SourceStatus.For(database, definition.Sources.Select(s => s.Name));
            var freshness = WorkspaceFreshness.Of(database, definition);
            if (context.Json)
            {
                JsonOutput.Write(new StatusResult(definition.Root, definition.DatabasePath, database.Snapshot, statuses,
                    [freshness.Sources, freshness.Identity, freshness.Tags]));
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
                    null => $"[grey]{Markup.Escape(t["status.never"])}[/]",
                    "failed" => $"[red]{Markup.Escape(t["status.failed"])}[/]",
                    var other => $"[green]{Markup.Escape(t.Format("status." + other))}[/]",
                };
                table.AddRow(ConsoleOutput.Cell(s.Source), new Markup(status), ConsoleOutput.Cell(s.LastFinished?.ToString("yyyy-MM-dd HH:mm:ss")),
                    new Markup($"{s.Read:N0}"), new Markup($"{s.Loaded:N0}"), new Markup($"{s.Quarantined:N0}"),
                    new Markup(Markup.Escape(s.Error ?? LoadResultsView.Reasons(s.TopReasons, t, 3))));
            }
            AnsiConsole.Write(table);
            foreach (var s in statuses.Where(s => s.LastStatus == "failed"))
                ConsoleOutput.Warn($"  {s.Source}: {s.Error} — " + (s.HeldSince is { } since ? t.Format("status.kept", since) : t["status.nothing"]));
            foreach (var stage in new[] { freshness.Sources, freshness.Identity, freshness.Tags })
            {
                var name = t["stage." + stage.Stage];
                var when = stage.LastRun is { } at ? $" ({at:yyyy-MM-dd HH:mm:ss})" : "";
                if (stage.Fresh)
                    ConsoleOutput.Ok($"{name}{when}: {t["fresh.ok"]}");
                else
                    ConsoleOutput.Warn($"! {name}{when}: {string.Join("; ", stage.Reasons)}");
            }
            if (!freshness.Fresh)
                ConsoleOutput.Grey(t["fresh.hint"]);
            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed record StatusResult(string Workspace, string Database, string? Snapshot, IReadOnlyList<SourceStatus> Sources,
        IReadOnlyList<StageFreshness> Stages);
}
