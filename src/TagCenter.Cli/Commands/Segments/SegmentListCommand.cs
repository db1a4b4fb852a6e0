using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Segments;

namespace TagCenter.Cli.Commands.Segments;

/// <summary><c>segment list</c>: every segment (and crowd written in a board) with its type, size, owner and last evaluation.</summary>
internal static class SegmentListCommand
{
    public static Command Create(CliOptions o)
    {
        var command = new Command("list", o.Texts["cmd.segment.list"]);
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            using var session = context.OpenReadOnly();
            var segments = SegmentWorkspace.All(session.Definition).Segments;
            var latest = SegmentHistory.Latest(session.Database);
            var rows = segments.Select(s => (Segment: s, Run: latest.GetValueOrDefault(s.Name))).ToList();
            if (context.Json)
            {
                JsonOutput.Write(rows.Select(r => new
                {
                    name = r.Segment.Name,
                    type = r.Segment.Type,
                    owner = r.Segment.Owner,
                    business_line = r.Segment.BusinessLine,
                    file = r.Segment.File,
                    rule = r.Segment.Rule,
                    size = r.Run?.Size,
                    share = r.Run?.Share,
                    evaluated_at = r.Run?.EvaluatedAt,
                    as_of = r.Run?.AsOf,
                }).ToList());
                return ExitCodes.Ok;
            }
            if (rows.Count == 0)
            {
                ConsoleOutput.Warn(t["segment.list.none"]);
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn(t["segment.col.name"]).AddColumn(t["segment.col.type"]).AddColumn(new TableColumn(t["segment.col.size"]).RightAligned())
                .AddColumn(new TableColumn(t["segment.col.share"]).RightAligned()).AddColumn(t["segment.col.owner"]).AddColumn(t["segment.col.evaluated"]);
            foreach (var (segment, run) in rows)
                table.AddRow(ConsoleOutput.Cell(segment.Name), ConsoleOutput.Cell(t["segment.type." + segment.Type.ToString().ToLowerInvariant()]),
                    ConsoleOutput.Cell(run is null ? "—" : $"{run.Size:N0}"), ConsoleOutput.Cell(run is null ? "" : $"{run.Share:P1}"),
                    ConsoleOutput.Cell(segment.Owner ?? ""), ConsoleOutput.Cell(run is null ? t["segment.never"] : t.Format("segment.evaluated", run.EvaluatedAt, run.AsOf)));
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
