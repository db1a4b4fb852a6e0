using System.CommandLine;
using TagCenter.Cli.Console;
using TagCenter.Core.Segments;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Segments;

namespace TagCenter.Cli.Commands.Segments;

/// <summary><c>segment count "&lt;rule&gt;"</c>: how many persons a rule selects, their share of everyone, and the time it took.</summary>
internal static class SegmentCountCommand
{
    /// <summary>Where diagnostics of a rule given on the command line point.</summary>
    public const string RuleFile = "<rule>";

    public static Command Create(CliOptions o)
    {
        var rule = new Argument<string>("rule") { Description = o.Texts["opt.segment.rule"] };
        var command = new Command("count", o.Texts["cmd.segment.count"]) { rule };
        command.SetAction((result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            var text = result.GetValue(rule) ?? "";
            if (string.IsNullOrWhiteSpace(text))
                throw new UsageException(t["segment.count.empty"]);
            using var session = context.Open(cancellationToken);
            var catalog = SegmentWorkspace.Published(session.Database);
            var asOf = SegmentWorkspace.AsOf(session.Database, session.Definition);
            using var index = TagIndex.OpenIfCurrent(session.Definition.Root, session.Database);
            ISegmentCounter counter = index is null ? new SegmentEvaluator(session.Database, catalog, asOf) : new IndexSegmentCounter(session.Database, catalog, asOf, index);
            var segment = new SegmentDefinition { Name = t["segment.count.name"], Rule = text, File = RuleFile };
            var count = counter.Count(segment, cancellationToken);
            if (context.Json)
                JsonOutput.Write(new { rule = text, as_of = asOf, size = count.Size, persons = count.Persons, share = count.Share, elapsed = count.Elapsed, engine = count.Engine, plan = (counter as IndexSegmentCounter)?.LastPlan });
            else
            {
                ConsoleOutput.Ok(t.Format("segment.count.result", count.Size, count.Persons, count.Share, count.Elapsed.TotalMilliseconds));
                ConsoleOutput.Grey("  " + t.Format("segment.asof", asOf) + " · " + t["segment.engine." + count.Engine]);
                if (count.Size == 0)
                    ConsoleOutput.Warn(t["segment.empty"]);
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
