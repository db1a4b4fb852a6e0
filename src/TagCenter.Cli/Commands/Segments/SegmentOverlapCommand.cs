using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Segments;

namespace TagCenter.Cli.Commands.Segments;

/// <summary><c>segment overlap a b [c…]</c>: how many persons each pair of segments shares (at their latest evaluations), and the Jaccard index.</summary>
internal static class SegmentOverlapCommand
{
    public static Command Create(CliOptions o)
    {
        var names = new Argument<string[]>("names") { Description = o.Texts["opt.segment.names"], Arity = ArgumentArity.OneOrMore };
        var command = new Command("overlap", o.Texts["cmd.segment.overlap"]) { names };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            var asked = result.GetValue(names)!.Distinct().ToList();
            if (asked.Count < 2)
                throw new UsageException(t["segment.overlap.two"]);
            using var session = context.OpenReadOnly();
            var all = SegmentWorkspace.All(session.Definition);
            var runs = asked.Select(n => SegmentWorkspace.LatestRun(session.Database, all.Get(n).Name)).ToList();
            var matrix = SegmentHistory.Overlap(session.Database, runs);
            var n = runs.Count;
            if (context.Json)
            {
                JsonOutput.Write(new
                {
                    segments = runs.Select(r => new { name = r.Segment, size = r.Size, seq = r.Seq, as_of = r.AsOf }),
                    pairs = Enumerable.Range(0, n).SelectMany(i => Enumerable.Range(i + 1, n - i - 1).Select(j => new
                    {
                        a = runs[i].Segment,
                        b = runs[j].Segment,
                        both = matrix[i, j],
                        jaccard = SegmentHistory.Jaccard(matrix[i, i], matrix[j, j], matrix[i, j]),
                    })),
                });
                return ExitCodes.Ok;
            }
            var counts = new Table().Border(TableBorder.Rounded).Title(t["segment.overlap.counts"]).AddColumn("");
            var jaccard = new Table().Border(TableBorder.Rounded).Title(t["segment.overlap.jaccard"]).AddColumn("");
            foreach (var r in runs)
            {
                counts.AddColumn(new TableColumn(Markup.Escape(r.Segment)).RightAligned());
                jaccard.AddColumn(new TableColumn(Markup.Escape(r.Segment)).RightAligned());
            }
            for (var i = 0; i < n; i++)
            {
                counts.AddRow([ConsoleOutput.Cell(runs[i].Segment), .. Enumerable.Range(0, n).Select(j => ConsoleOutput.Cell($"{matrix[i, j]:N0}"))]);
                jaccard.AddRow([ConsoleOutput.Cell(runs[i].Segment), .. Enumerable.Range(0, n).Select(j => ConsoleOutput.Cell($"{SegmentHistory.Jaccard(matrix[i, i], matrix[j, j], matrix[i, j]):0.000}"))]);
            }
            AnsiConsole.Write(counts);
            AnsiConsole.Write(jaccard);
            return ExitCodes.Ok;
        });
        return command;
    }
}
