using System.CommandLine;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Freshness;
using TagCenter.DuckDb.Identity;

namespace TagCenter.Cli.Commands;

/// <summary><c>tagcenter identity run [--incremental]</c>: OneIDs, the golden record and the fact tables.</summary>
internal static class IdentityRunCommand
{
    public static Command Create(CliOptions o)
    {
        var incremental = new Option<bool>("--incremental") { Description = o.Texts["opt.incremental"] };
        var command = new Command("run", o.Texts["cmd.identity.run"]) { incremental };
        command.SetAction(async (result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            using var session = context.Open(cancellationToken);
            var report = await ConsoleOutput.BusyAsync(context, context.Texts["step.identity"],
                () => new IdentityRunner(session.Database, session.Definition, TimeProvider.System).RunAsync(result.GetValue(incremental), cancellationToken));
            WorkspaceFreshness.RecordIdentityInputs(session.Database, session.Definition);
            if (context.Json)
                JsonOutput.Write(report);
            else
                IdentityView.Print(report, context.Texts);
            return ExitCodes.Ok;
        });
        return command;
    }
}
