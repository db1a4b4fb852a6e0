using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Commands.Segments;
using TagCenter.Cli.Console;
using TagCenter.Core.Activation;
using TagCenter.DuckDb.Activation;
using TagCenter.DuckDb.Segments;

namespace TagCenter.Cli.Commands.Activation;

/// <summary>
/// <c>tagcenter review [--unused-days N] [--min-coverage 0.01]</c>: the periodic review (定期复盘) listing tags and segments
/// to consider retiring: tags nothing refers to, not computed for N days, or with negligible coverage; segments no
/// board, trigger or experiment uses that were not evaluated for N days or are empty.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create(CliOptions o)
    {
        var days = new Option<int>("--unused-days") { Description = o.Texts["opt.review.days"], DefaultValueFactory = _ => 90 };
        var minimum = new Option<double>("--min-coverage") { Description = o.Texts["opt.review.coverage"], DefaultValueFactory = _ => 0.01 };
        var command = new Command("review", o.Texts["cmd.review"]) { days, minimum };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            using var session = context.OpenReadOnly();
            var catalog = SegmentWorkspace.Published(session.Database);
            using var activation = ActivationWorkspace.Open(session.Definition, session.Database);
            var now = activation.Time.GetUtcNow().UtcDateTime;
            var limit = TimeSpan.FromDays(Math.Max(0, result.GetValue(days)));
            var usage = TagEvaluateCommand.Usage(activation);
            var candidates = new List<(string Kind, string Name, List<string> Reasons)>();
            foreach (var tag in catalog.Tags)
            {
                var r = TagEvaluation.Evaluate(session.Database, tag, usage[tag.Name], null, TimeSpan.Zero);
                var reasons = new List<string>();
                if (r.Usage.Total == 0)
                    reasons.Add(t["activation.review.unused"]);
                if (r.LastComputed is { } last && now - last > limit)
                    reasons.Add(t.Format("activation.review.stale", (int)(now - last).TotalDays));
                if (r.Coverage.Count > 0 && r.Coverage[^1].Share < result.GetValue(minimum))
                    reasons.Add(t.Format("activation.review.coverage", r.Coverage[^1].Share));
                if (reasons.Count > 0)
                    candidates.Add(("tag", tag.Name, reasons));
            }
            var (segments, boards) = SegmentWorkspace.Load(activation.Definition);
            var used = TagUsage.UsedSegments(boards.Boards, activation.Triggers.Triggers, activation.Experiments.Experiments);
            var latest = SegmentHistory.Latest(session.Database);
            foreach (var segment in segments.Segments.Where(s => !used.Contains(s.Name)))
            {
                var reasons = new List<string> { t["activation.review.segment_unused"] };
                if (latest.GetValueOrDefault(segment.Name) is not { } run)
                    reasons.Add(t["activation.review.never"]);
                else if (now - run.EvaluatedAt > limit)
                    reasons.Add(t.Format("activation.review.stale", (int)(now - run.EvaluatedAt).TotalDays));
                else if (run.Size == 0)
                    reasons.Add(t["activation.review.empty"]);
                if (reasons.Count > 1)
                    candidates.Add(("segment", segment.Name, reasons));
            }
            if (context.Json)
            {
                JsonOutput.Write(new { unused_days = result.GetValue(days), min_coverage = result.GetValue(minimum), candidates = candidates.Select(c => new { kind = c.Kind, name = c.Name, reasons = c.Reasons }).ToList() });
                return ExitCodes.Ok;
            }
            if (candidates.Count == 0)
            {
                ConsoleOutput.Ok(t["activation.review.none"]);
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumn(t["activation.col.kind"]).AddColumn(t["activation.col.name"]).AddColumn(t["activation.col.reasons"]);
            foreach (var (kind, name, reasons) in candidates)
                table.AddRow(ConsoleOutput.Cell(t["activation.kind." + kind]), ConsoleOutput.Cell(name), ConsoleOutput.Cell(string.Join("；", reasons)));
            AnsiConsole.Write(table);
            ConsoleOutput.Grey(t["activation.review.note"]);
            return ExitCodes.Ok;
        });
        return command;
    }
}
