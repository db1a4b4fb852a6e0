using System.CommandLine;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Identity;

namespace TagCenter.Cli.Commands;

/// <summary><c>tagcenter identity run [--incremental]</c>: OneIDs, the golden record and the fact tables.</summary>
internal static class IdentityRunCommand
{
    public static Command Create(CliOptions o)
    {
        var incremental = new Option<bool>("--incremental") { Description = o.Texts["opt.incremental"] };
        var command = new Command("run", o.Texts["cmd.identity.run"]) { incremental };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            using var session = context.Open();
            var report = ConsoleOutput.Busy(context, context.Texts["step.identity"],
                () => new IdentityRunner(session.Database, session.Definition, TimeProvider.System).Run(result.GetValue(incremental)));
            if (context.Json)
                JsonOutput.Write(report);
            else
                IdentityView.Print(report, context.Texts);
            return ExitCodes.Ok;
        });
        return command;
    }
}
