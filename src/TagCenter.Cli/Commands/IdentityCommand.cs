using System.CommandLine;
using TagCenter.Cli.Console;

namespace TagCenter.Cli.Commands;

/// <summary><c>tagcenter identity run|stats</c>.</summary>
internal static class IdentityCommand
{
    public static Command Create(CliOptions o)
    {
        var command = new Command("identity", o.Texts["cmd.identity"]);
        command.Subcommands.Add(IdentityRunCommand.Create(o));
        command.Subcommands.Add(IdentityStatsCommand.Create(o));
        return command;
    }
}
