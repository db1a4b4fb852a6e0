using System.CommandLine;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Activation;

namespace TagCenter.Cli.Commands.Activation;

/// <summary><c>trigger run</c>: evaluate the triggers and experiments over what the last runs recorded, and deliver what is due now.</summary>
internal static class TriggerRunCommand
{
    public static Command Create(CliOptions o)
    {
        var command = new Command("run", o.Texts["cmd.trigger.run"]);
        command.SetAction(async (result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            using var session = context.Open(cancellationToken);
            using var activation = ActivationWorkspace.Open(session.Definition, session.Database);
            var run = await ConsoleOutput.BusyAsync(context, context.Texts["activation.step"],
                () => ActivationRun.ExecuteAsync(activation, session.Database, cancellationToken)).ConfigureAwait(false);
            if (context.Json)
                JsonOutput.Write(run.Json);
            else
                ActivationStep.Print(run, context.Texts);
            return ExitCodes.Ok;
        });
        return command;
    }
}
