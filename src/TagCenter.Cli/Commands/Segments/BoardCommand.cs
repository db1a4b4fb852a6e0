using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Segments;
using TagCenter.DuckDb.Segments;

namespace TagCenter.Cli.Commands.Segments;

/// <summary><c>board show &lt;name&gt;</c>: a crowd board (人群看板): each crowd's size, change since the previous run and week over week.</summary>
internal static class BoardCommand
{
    public static Command Create(CliOptions o)
    {
        var name = new Argument<string>("name") { Description = o.Texts["opt.board.name"] };
        var show = new Command("show", o.Texts["cmd.board.show"]) { name };
        show.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            using var session = context.OpenReadOnly();
            var (_, boards) = SegmentWorkspace.Load(session.Definition);
            var board = boards.Get(result.GetValue(name)!);
            var rows = BoardFigures.Of(session.Database, board);
            var problems = Problems(session, rows);
            if (context.Json)
                JsonOutput.Write(new
                {
                    board = board.Name,
                    crowds = rows.Select(r => new
                    {
                        crowd = r.Crowd,
                        segment = r.Segment,
                        size = r.Latest?.Size,
                        share = r.Latest?.Share,
                        as_of = r.Latest?.AsOf,
                        previous = r.Previous,
                        change = r.Change,
                        week_ago = r.WeekAgo,
                        week_change = r.WeekChange,
                    }),
                    problems = problems.Select(d => new { file = d.File, line = d.Line, column = d.Column, message = d.Message }),
                });
            else
            {
                Print(board, rows, context.Texts);
                foreach (var d in problems)
                    ConsoleOutput.Warn(d.ToString());
            }
            return ExitCodes.Ok;
        });
        return new Command("board", o.Texts["cmd.board"]) { show };
    }

    /// <summary>Why the crowds that were never computed were not: their rules' problems against the published tags.</summary>
    private static IReadOnlyList<Core.Diagnostics.Diagnostic> Problems(WorkspaceSession session, IReadOnlyList<BoardRow> rows)
    {
        var missing = rows.Where(r => r.Latest is null).ToList();
        if (missing.Count == 0 || !session.Database.TableExists("dim_person") || TagCenter.DuckDb.Tags.PublishedCatalog.Load(session.Database) is not { } catalog)
            return [];
        var all = SegmentWorkspace.All(session.Definition);
        var evaluator = new SegmentEvaluator(session.Database, catalog, SegmentWorkspace.AsOf(session.Database, session.Definition));
        return [.. missing.SelectMany(r => evaluator.Check(all.Get(r.Segment)))];
    }

    public static void Print(BoardDefinition board, IReadOnlyList<BoardRow> rows, Texts t)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(board.Name))
            .AddColumn(t["segment.col.crowd"]).AddColumn(new TableColumn(t["segment.col.size"]).RightAligned())
            .AddColumn(new TableColumn(t["segment.col.share"]).RightAligned()).AddColumn(new TableColumn(t["board.col.change"]).RightAligned())
            .AddColumn(new TableColumn(t["board.col.week"]).RightAligned());
        foreach (var r in rows)
            table.AddRow(ConsoleOutput.Cell(r.Crowd), ConsoleOutput.Cell(r.Latest is null ? t["segment.never"] : $"{r.Latest.Size:N0}"),
                ConsoleOutput.Cell(r.Latest is null ? "" : $"{r.Latest.Share:P1}"), ConsoleOutput.Cell(Delta(r.Change)), ConsoleOutput.Cell(Delta(r.WeekChange)));
        AnsiConsole.Write(table);
    }

    private static string Delta(long? change) => change switch
    {
        null => "—",
        > 0 => $"+{change:N0}",
        _ => $"{change:N0}",
    };
}
