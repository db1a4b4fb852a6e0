using System.CommandLine;
using TagCenter.Cli.Commands.Segments;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Pipeline;
using TagCenter.DuckDb.Tags;

namespace TagCenter.Cli.Commands;

/// <summary><c>tagcenter run</c>: computes the published tags as of an instant and stores a snapshot; warns when its inputs are stale.</summary>
internal static class RunCommand
{
    public static Command Create(CliOptions o)
    {
        var tags = new Option<string[]>("--tags") { Description = o.Texts["opt.tags"], AllowMultipleArgumentsPerToken = true };
        var asOf = AsOfOption.Create(o.Texts);
        var due = new Option<bool>("--due") { Description = o.Texts["opt.due"] };
        var command = new Command("run", o.Texts["cmd.run"]) { tags, asOf, due };
        command.SetAction((result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            using var session = context.Open(cancellationToken);
            var when = AsOfOption.Read(result, asOf, session.Definition);
            IReadOnlyCollection<string>? only = result.GetValue(tags) is { Length: > 0 } names ? names : null;
            var run = WorkspacePipeline.Run(session.Database, session.Definition, when.Local, new TagSelection(only, result.GetValue(due)),
                new PipelineConsole(context, when), TimeProvider.System, cancellationToken);
            var (stale, step) = (run.Stale, run.Tags);
            if (step.Run is not { } report)
            {
                if (context.Json)
                    JsonOutput.Write(new { tags = Array.Empty<object>(), stale, models = ModelStep.Json(step.Models) });
                else
                    ConsoleOutput.Ok(t["tags.nothingdue"]);
                return Task.FromResult(ExitCodes.Ok);
            }
            if (context.Json)
                JsonOutput.Write(new RunResult(report, when.Instant, stale) { Segments = SegmentPassReportView.Of(step.Segments), Models = ModelStep.Json(step.Models) });
            else if (stale.Count > 0)
                ConsoleOutput.Grey(t["fresh.hint"]);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private sealed record RunResult(TagRunReport Run, DateTimeOffset AsOfInstant, IReadOnlyList<string> Stale)
    {
        public SegmentPassReportView? Segments { get; init; }

        public IReadOnlyList<object> Models { get; init; } = [];
    }
}
