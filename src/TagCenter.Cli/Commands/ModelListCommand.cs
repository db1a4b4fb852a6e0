using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Models;

namespace TagCenter.Cli.Commands;

/// <summary>
/// <c>tagcenter model list</c>: each declared model, whether it is published (what <c>run</c> trains) or waits for
/// <c>apply</c>, its version in use and its last attempt; then the published models the files no longer declare. Read-only.
/// </summary>
internal static class ModelListCommand
{
    public static Command Create(CliOptions o)
    {
        var command = new Command("list", o.Texts["models.cmd.list"]);
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            var catalog = ModelCommand.Catalog(context.WorkspaceRoot);
            using var session = context.OpenReadOnly();
            var versions = ModelHistory.Versions(session.Database);
            var rows = ModelPublication.All(session.Database, catalog.Models).Select(m =>
            {
                var mine = versions.Where(v => v.Model == m.Model.Name).ToList();
                return (m.Model, m.Publication, InUse: mine.LastOrDefault(v => v.Status == "ok"), Last: mine.LastOrDefault());
            }).ToList();
            if (context.Json)
            {
                JsonOutput.Write(rows.Select(r => ModelJson.Row(r.Model, versions, r.Publication)));
                return ExitCodes.Ok;
            }
            if (rows.Count == 0)
            {
                ConsoleOutput.Warn(t["models.cli.none"]);
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn(t["models.col.model"]).AddColumn(t["models.col.kind"]).AddColumn(t["models.col.outputs"])
                .AddColumn(t["models.col.publication"]).AddColumn(t["models.col.version"]).AddColumn(t["models.col.asof"]).AddColumn(new TableColumn(t["models.col.persons"]).RightAligned())
                .AddColumn(t["models.col.last"]);
            foreach (var (model, publication, inUse, last) in rows)
                table.AddRow(
                    ConsoleOutput.Cell(model.Name), ConsoleOutput.Cell(model.Kind.ToString().ToLowerInvariant()),
                    ConsoleOutput.Cell(string.Join(", ", model.Outputs.Values)), Publication(publication, t),
                    ConsoleOutput.Cell(inUse is null ? "—" : "v" + inUse.Version),
                    ConsoleOutput.Cell(inUse?.AsOf.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "—"),
                    ConsoleOutput.Cell(inUse is null ? "—" : inUse.Persons.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
                    last is null ? ConsoleOutput.Cell(t["models.cli.never"])
                        : last.Status == "ok" ? new Markup("[green]ok[/]") : new Markup($"[red]{Markup.Escape(last.Message ?? last.Status)}[/]"));
            AnsiConsole.Write(table);
            if (rows.Count(r => r.Publication.Status != ModelPublicationStatus.Published) is > 0 and var waiting)
                ConsoleOutput.Warn(t.Format("models.list.pending", waiting));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Markup Publication(ModelPublication publication, Texts t) => publication.Status switch
    {
        ModelPublicationStatus.Published => new Markup($"[green]{Markup.Escape(t["models.status.published"])}[/]"),
        _ => new Markup($"[yellow]{Markup.Escape(t["models.status." + publication.StatusName])}[/]"),
    };
}
