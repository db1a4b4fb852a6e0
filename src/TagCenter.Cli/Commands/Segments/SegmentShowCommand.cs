using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Segments;

namespace TagCenter.Cli.Commands.Segments;

/// <summary>
/// <c>segment show &lt;name&gt;</c>: the definition, size, who entered and left at the last evaluation, and size per run;
/// <c>segment trend &lt;name&gt;</c>: the size per run with entered/left alone.
/// </summary>
internal static class SegmentShowCommand
{
    public static Command Create(CliOptions o, bool trend)
    {
        var name = new Argument<string>("name") { Description = o.Texts["opt.segment.name"] };
        var command = new Command(trend ? "trend" : "show", o.Texts[trend ? "cmd.segment.trend" : "cmd.segment.show"]) { name };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            using var session = context.OpenReadOnly();
            var segment = SegmentWorkspace.All(session.Definition).Get(result.GetValue(name)!);
            var runs = SegmentHistory.Runs(session.Database, segment.Name);
            var last = runs.Count > 0 ? runs[^1] : null;
            if (context.Json)
            {
                var perRun = runs.Select(r => new { seq = r.Seq, as_of = r.AsOf, evaluated_at = r.EvaluatedAt, tag_run = r.TagRun, size = r.Size, entered = r.Entered, left = r.Left, share = r.Share }).ToList();
                JsonOutput.Write(trend ? new { name = segment.Name, runs = perRun } : new
                {
                    name = segment.Name,
                    type = segment.Type,
                    description = segment.Description,
                    owner = segment.Owner,
                    business_line = segment.BusinessLine,
                    rule = segment.Rule,
                    file = segment.File,
                    size = last?.Size,
                    share = last?.Share,
                    entered = last?.Entered,
                    left = last?.Left,
                    runs = perRun,
                });
                return ExitCodes.Ok;
            }
            if (!trend)
            {
                AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(segment.Name)}[/] [grey]{Markup.Escape(t["segment.type." + segment.Type.ToString().ToLowerInvariant()])} · {Markup.Escape(segment.File)}[/]").LeftJustified());
                var grid = new Grid().AddColumn().AddColumn();
                grid.AddRow(ConsoleOutput.Cell(t["segment.col.rule"]), ConsoleOutput.Cell(segment.Rule.Trim()));
                foreach (var (key, value) in new[] { ("segment.col.description", segment.Description), ("segment.col.owner", segment.Owner), ("segment.col.line", segment.BusinessLine) })
                    if (value is not null)
                        grid.AddRow(ConsoleOutput.Cell(t[key]), ConsoleOutput.Cell(value));
                AnsiConsole.Write(grid);
                if (last is null)
                {
                    ConsoleOutput.Warn(t["segment.never.hint"]);
                    return ExitCodes.Ok;
                }
                ConsoleOutput.Ok(t.Format("segment.line", segment.Name, last.Size, last.Share, last.Entered, last.Left));
                if (last.Size == 0)
                    ConsoleOutput.Warn(t["segment.empty"]);
            }
            else if (last is null)
            {
                ConsoleOutput.Warn(t["segment.never.hint"]);
                return ExitCodes.Ok;
            }
            AnsiConsole.Write(Trend(runs, t));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Table Trend(IReadOnlyList<SegmentRun> runs, Texts t)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(t["segment.trend"])
            .AddColumn("#").AddColumn(t["segment.col.asof"]).AddColumn(t["segment.col.evaluatedat"])
            .AddColumn(new TableColumn(t["segment.col.size"]).RightAligned()).AddColumn(new TableColumn(t["segment.col.entered"]).RightAligned())
            .AddColumn(new TableColumn(t["segment.col.left"]).RightAligned());
        foreach (var r in runs)
            table.AddRow(ConsoleOutput.Cell($"{r.Seq}"), ConsoleOutput.Cell($"{r.AsOf:yyyy-MM-dd HH:mm}"), ConsoleOutput.Cell($"{r.EvaluatedAt:yyyy-MM-dd HH:mm:ss}"),
                ConsoleOutput.Cell($"{r.Size:N0}"), ConsoleOutput.Cell($"+{r.Entered:N0}"), ConsoleOutput.Cell($"-{r.Left:N0}"));
        return table;
    }
}
