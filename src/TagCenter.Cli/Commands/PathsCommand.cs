using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Analysis;
using TagCenter.DuckDb.Analysis;

namespace TagCenter.Cli.Commands;

/// <summary><c>tagcenter paths &lt;event&gt; [--next|--previous] [--depth 3] [--top 10] [--within 1d]</c>: the most frequent sequences around an event (<see cref="PathsRequest"/>). Read-only.</summary>
internal static class PathsCommand
{
    public static Command Create(CliOptions o)
    {
        var t = o.Texts;
        var anchor = new Argument<string>("event") { Description = t["opt.paths.event"] };
        var next = new Option<bool>("--next") { Description = t["opt.paths.next"] };
        var previous = new Option<bool>("--previous") { Description = t["opt.paths.previous"] };
        var depth = new Option<int>("--depth") { Description = t["opt.paths.depth"], DefaultValueFactory = _ => 3 };
        var top = new Option<int>("--top") { Description = t["opt.paths.top"], DefaultValueFactory = _ => 10 };
        var within = AnalysisOptions.Within(t, "1d");
        var rule = AnalysisOptions.Rule(t);
        var segment = AnalysisOptions.Segment(t);
        var from = AnalysisOptions.From(t);
        var to = AnalysisOptions.To(t);
        var asOf = AsOfOption.Create(t);
        var command = new Command("paths", t["cmd.paths"]) { anchor, next, previous, depth, top, within, rule, segment, from, to, asOf };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            using var session = context.OpenReadOnly();
            var stopwatch = Stopwatch.StartNew();
            var paths = AnalysisOptions.Usage(() =>
            {
                var request = new PathsRequest(result.GetValue(anchor)!, !result.GetValue(previous), result.GetValue(depth), result.GetValue(top),
                    AnalysisWindow.Fixed(result.GetValue(within)))
                {
                    From = AnalysisOptions.Date(result.GetValue(from), session.Definition, end: false),
                    To = AnalysisOptions.Date(result.GetValue(to), session.Definition, end: true),
                };
                request.Validate();
                request = request with { Population = AnalysisOptions.PopulationOf(result, rule, segment, asOf, session) };
                request = request with { To = AnalysisOptions.Until(result, asOf, session, request.To) };
                return PathsQuery.Run(session.Database, request);
            });
            Write(paths, context, stopwatch.Elapsed);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A path for people: anchor → a → b for next, b → a → anchor for previous; a path that stops early says so.</summary>
    public static string Describe(PathsRequest request, PathSequence path, string end)
    {
        var events = path.Events.Count < request.Depth ? [.. path.Events, end] : path.Events.ToList();
        return request.Next
            ? string.Join(" → ", events.Prepend($"[{request.Event}]"))
            : string.Join(" → ", Enumerable.Reverse(events).Append($"[{request.Event}]"));
    }

    private static void Write(PathsResult paths, CliContext context, TimeSpan elapsed)
    {
        var request = paths.Request;
        if (context.Json)
        {
            JsonOutput.Write(AnalysisJson.Paths(paths, elapsed));
            return;
        }
        var t = context.Texts;
        AnsiConsole.Write(new Rule(Markup.Escape(t.Format("analysis.paths.title", request.Event, t[request.Next ? "analysis.paths.next" : "analysis.paths.previous"],
            request.Depth, AnalysisOptions.Duration(request.Within), paths.Anchors))).LeftJustified());
        if (request.Population.Label is { } population)
            ConsoleOutput.Grey(t.Format("analysis.population", population));
        var table = new Table().Border(TableBorder.Rounded).AddColumn(t["analysis.path"])
            .AddColumn(new TableColumn(t["analysis.count"]).RightAligned()).AddColumn(new TableColumn(t["analysis.share"]).RightAligned());
        foreach (var path in paths.Paths)
            table.AddRow(ConsoleOutput.Cell(Describe(request, path, t[request.Next ? "analysis.end" : "analysis.start"])), ConsoleOutput.Cell($"{path.Count:N0}"), ConsoleOutput.Cell(AnalysisOptions.Percent(path.Share)));
        AnsiConsole.Write(table);
        ConsoleOutput.Grey(t.Format("analysis.elapsed", elapsed.TotalMilliseconds));
    }
}
