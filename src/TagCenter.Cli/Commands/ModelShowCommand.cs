using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Models;

namespace TagCenter.Cli.Commands;

/// <summary>
/// <c>tagcenter model show &lt;name&gt;</c>: the declaration, the version in use with its parameters and metrics, how
/// its outputs are distributed (the RFM class counts, the total CLV), and every attempt. Read-only.
/// </summary>
internal static class ModelShowCommand
{
    public static Command Create(CliOptions o)
    {
        var name = new Argument<string>("name") { Description = o.Texts["models.opt.name"] };
        var command = new Command("show", o.Texts["models.cmd.show"]) { name };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            var catalog = ModelCommand.Catalog(context.WorkspaceRoot);
            using var session = context.OpenReadOnly();
            // A model deleted from the files stays published (and trained) until apply: it can still be shown.
            var (model, publication) = ModelPublication.Find(session.Database, catalog.Models, result.GetValue(name)!)
                ?? throw ModelCommand.Unknown(catalog, result.GetValue(name)!, t);
            var versions = ModelHistory.Versions(session.Database, model.Name);
            var inUse = versions.LastOrDefault(v => v.Status == "ok");
            var outputs = inUse is null ? [] : ModelHistory.Outputs(session.Database, model.Name, inUse.Version);
            if (context.Json)
            {
                JsonOutput.Write(ModelJson.Show(model, versions, outputs, publication));
                return ExitCodes.Ok;
            }
            AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(model.Name)}[/] [grey]{model.Kind.ToString().ToLowerInvariant()} · {Markup.Escape(model.Input is { } fact ? "fact_" + fact.Fact : string.Join(", ", model.Features))}[/]").LeftJustified());
            var grid = new Grid().AddColumn().AddColumn();
            void Line(string key, string? value) => grid.AddRow($"[grey]{Markup.Escape(t[key])}[/]", Markup.Escape(value ?? "—"));
            Line("models.show.outputs", string.Join(", ", model.Outputs.Select(x => $"{x.Key} → {x.Value}")));
            Line("models.show.owner", $"{model.Owner ?? "—"} · {model.Schedule}");
            Line("models.show.published", t["models.status." + publication.StatusName]
                + (publication.PublishedAt is { } at ? $" · {at:yyyy-MM-dd HH:mm}" : ""));
            Line("models.show.version", inUse is null ? t["models.cli.never"] : $"v{inUse.Version} · as-of {inUse.AsOf:yyyy-MM-dd HH:mm} · {inUse.Persons:N0} · {inUse.DataHash}");
            Line("models.show.parameters", inUse?.Parameters);
            // Classifier and cluster metrics are printed as tables below.
            if (model.Kind is not (Core.Models.ModelKind.Propensity or Core.Models.ModelKind.Lookalike or Core.Models.ModelKind.Cluster))
                Line("models.show.metrics", inUse?.Metrics);
            AnsiConsole.Write(grid);
            if (inUse is not null)
                ModelShowMetrics.Print(inUse, t);
            foreach (var summary in outputs)
            {
                var title = $"{summary.Output} → {model.Outputs.GetValueOrDefault(summary.Output)} ({summary.Persons:N0})";
                if (summary.Counts.Count > 0)
                {
                    var chart = new BarChart().Label(Markup.Escape(title)).Width(70);
                    foreach (var (value, persons) in summary.Counts)
                        chart.AddItem(Markup.Escape(value), persons, Color.SteelBlue);
                    AnsiConsole.Write(chart);
                }
                else
                {
                    AnsiConsole.MarkupLine(Markup.Escape(t.Format("models.show.numbers", title,
                        Number(summary.Sum), Number(summary.Mean), Number(summary.Min), Number(summary.Max))));
                }
            }
            if (publication.Pending.Count > 0)
                ConsoleOutput.Warn(t.Format("models.show.pending", string.Join(", ", publication.Pending)));
            foreach (var failed in versions.Where(v => v.Status != "ok" && v.Version > (inUse?.Version ?? 0)))
                ConsoleOutput.Warn($"v{failed.Version}: {failed.Message}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Number(double? value) => value?.ToString("N2", CultureInfo.InvariantCulture) ?? "—";
}
