using System.CommandLine;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Pipeline;

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
            Activation.ActivationStep.Print(context, run.Tags.Activation); // what the run's triggers did
            if (context.Json)
                JsonOutput.Write(PipelineJson.Run(run, when.Instant));
            else if (run.Tags.Run is null)
                ConsoleOutput.Ok(t["tags.nothingdue"]);
            else if (run.Stale.Count > 0)
                ConsoleOutput.Grey(t["fresh.hint"]);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
