using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Ingest;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Commands;

/// <summary><c>tagcenter load</c>: loads and cleanses sources; read = loaded + quarantined per source, with the reasons.</summary>
internal static class LoadCommand
{
    public static Command Create(CliOptions o)
    {
        var sources = new Option<string[]>("--source", "-s") { Description = o.Texts["opt.source"], AllowMultipleArgumentsPerToken = true };
        var force = new Option<bool>("--force") { Description = o.Texts["opt.force"] };
        var allowShrink = new Option<bool>("--allow-shrink") { Description = o.Texts["opt.allowshrink"] };
        var command = new Command("load", o.Texts["cmd.load"]) { sources, force, allowShrink };
        command.SetAction(async (result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            using var session = context.Open(cancellationToken);
            var selected = WorkspaceLoad.Select(session.Definition, result.GetValue(sources) ?? []);
            var results = await LoadWithProgressAsync(session.Database, session.Definition, selected, result.GetValue(force),
                result.GetValue(allowShrink), context.Json, context.Texts, cancellationToken);
            if (context.Json)
                JsonOutput.Write(LoadResultsView.Json(results));
            else
                PrintSummary(results, context.Texts);
            return results.Any(r => r.Error is not null) ? ExitCodes.SourcesFailed : ExitCodes.Ok;
        });
        return command;
    }

    public static async Task<IReadOnlyList<SourceLoadResult>> LoadWithProgressAsync(
        WorkspaceDatabase database, WorkspaceDefinition definition, IReadOnlyList<SourceDefinition> sources, bool force, bool allowShrink,
        bool quiet, Texts t, CancellationToken cancellationToken)
    {
        var options = new LoadOptions(force, allowShrink);
        if (quiet || !AnsiConsole.Profile.Capabilities.Interactive)
            return await WorkspaceLoad.RunAsync(database, definition, sources, options, null,
                quiet ? null : r => AnsiConsole.MarkupLine(Line(r, t)), TimeProvider.System, cancellationToken);

        IReadOnlyList<SourceLoadResult> results = [];
        await AnsiConsole.Progress().AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = sources.ToDictionary(s => s.Name, s => context.AddTask(t.Format("load.loading", s.Name), autoStart: false).IsIndeterminate());
                results = await WorkspaceLoad.RunAsync(database, definition, sources, options,
                    s => tasks[s.Name].StartTask(),
                    r =>
                    {
                        tasks[r.Source].Value(100).StopTask();
                        AnsiConsole.MarkupLine(Line(r, t));
                    },
                    TimeProvider.System, cancellationToken);
            });
        return results;
    }

    private static string Line(SourceLoadResult r, Texts t) => r.Report is { } report
        ? $"  [green]✔[/] {Markup.Escape(r.Source),-16} {Markup.Escape(t.Format("load.summary", report.Read, report.Loaded, report.Quarantined))}" +
          (report.Status == LoadStatus.Unchanged ? $" [grey]({t["load.unchanged"]})[/]" : "")
        : $"  [red]✘ {Markup.Escape(r.Source),-16} {Markup.Escape(r.Error ?? "")}[/]";

    public static void PrintSummary(IReadOnlyList<SourceLoadResult> results, Texts t)
    {
        AnsiConsole.Write(LoadResultsView.Table(results, t));
        var lines = LoadResultsView.ReasonLines(results, t).ToList();
        if (lines.Count > 0)
            AnsiConsole.MarkupLine(Markup.Escape(t["col.reasons"]) + ":");
        foreach (var line in lines)
            AnsiConsole.MarkupLine(line);
        var failed = results.Count(r => r.Error is not null);
        if (failed > 0)
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(t.Format("load.failed", failed))}[/]");
    }
}
