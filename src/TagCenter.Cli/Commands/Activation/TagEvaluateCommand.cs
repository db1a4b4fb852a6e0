using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TagCenter.Cli.Commands.Segments;
using TagCenter.Cli.Console;
using TagCenter.Core.Activation;
using TagCenter.DuckDb.Activation;
using TagCenter.Stores;

namespace TagCenter.Cli.Commands.Activation;

/// <summary>
/// <c>tag evaluate [&lt;tag&gt;] [--goal-event orders] [--within 30d]</c> (标签效果评估): per tag its usage by segments,
/// triggers, experiments and other tags and its API reads and exports from the audit log, coverage at the latest run and its trend, stability between runs, and with a
/// goal the rate with and without each value.
/// </summary>
internal static class TagEvaluateCommand
{
    public static Command Create(CliOptions o)
    {
        var name = new Argument<string?>("tag") { Description = o.Texts["opt.evaluate.tag"], Arity = ArgumentArity.ZeroOrOne };
        var goal = new Option<string?>("--goal-event") { Description = o.Texts["opt.experiment.goal_event"] };
        var within = new Option<string>("--within") { Description = o.Texts["opt.experiment.within"], DefaultValueFactory = _ => "30d" };
        var usageDays = new Option<int>("--usage-days") { Description = o.Texts["opt.evaluate.usage_days"], DefaultValueFactory = _ => 90 };
        var command = new Command("evaluate", o.Texts["cmd.tag.evaluate"]) { name, goal, within, usageDays };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            using var session = context.OpenReadOnly();
            var catalog = SegmentWorkspace.Published(session.Database);
            using var activation = ActivationWorkspace.Open(session.Definition, session.Database);
            var audit = AuditUses.CountAsync(session.Definition.Root, activation.Time.GetUtcNow() - TimeSpan.FromDays(Math.Max(0, result.GetValue(usageDays))),
                CancellationToken.None).GetAwaiter().GetResult();
            var usage = ActivationReview.Usage(activation, audit);
            var tags = result.GetValue(name) is { } one ? [catalog.Find(one) ?? throw new Core.Diagnostics.NotFoundException(Core.Text.Texts.T("activation.tag.unknown", one, ""))]
                : catalog.Tags;
            var window = DurationText.Parse(result.GetValue(within)!) ?? throw new UsageException(Core.Text.Texts.T("activation.within.bad", result.GetValue(within)));
            var results = tags.Select(tag => TagEvaluation.Evaluate(session.Database, tag, usage[tag.Name], result.GetValue(goal), window)).ToList();
            if (context.Json)
            {
                JsonOutput.Write(results.Select(ActivationJson.TagEvaluation).ToList());
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var key in new[] { "tag", "usage", "reads", "exports", "coverage", "trend", "flips" })
                table.AddColumn(t["activation.col." + key]);
            foreach (var r in results)
                table.AddRow(ConsoleOutput.Cell(r.Tag.Name), ConsoleOutput.Cell($"{r.Usage.Total} ({r.Usage.Segments.Count}/{r.Usage.Triggers.Count}/{r.Usage.Experiments.Count}/{r.Usage.Tags.Count})"),
                    ConsoleOutput.Cell(r.Usage.Audit.Reads.ToString("N0", CultureInfo.InvariantCulture)), ConsoleOutput.Cell(r.Usage.Audit.Exports.ToString("N0", CultureInfo.InvariantCulture)),
                    ConsoleOutput.Cell(r.Coverage.Count == 0 ? "—" : $"{r.Coverage[^1].Share:P1}"),
                    ConsoleOutput.Cell(string.Join(" → ", r.Coverage.TakeLast(5).Select(c => $"{c.Share:P0}"))),
                    ConsoleOutput.Cell(r.Stability is { } s ? $"{s:P1}" : "—"));
            AnsiConsole.Write(table);
            ConsoleOutput.Grey(t["activation.evaluate.legend"]);
            ConsoleOutput.Grey(t.Format("activation.evaluate.audit", result.GetValue(usageDays)));
            foreach (var r in results.Where(r => r.Contribution.Count > 0))
            {
                ConsoleOutput.Ok(t.Format("activation.evaluate.goal", r.Tag.Name, result.GetValue(goal)));
                foreach (var c in r.Contribution)
                    ConsoleOutput.Grey("  " + t.Format("activation.evaluate.value", c.Value, c.With.Assigned, c.With.Rate, c.Without.Rate, c.Lift * 100));
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
