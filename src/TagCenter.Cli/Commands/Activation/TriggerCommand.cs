using System.CommandLine;
using TagCenter.Cli.Console;

namespace TagCenter.Cli.Commands.Activation;

/// <summary><c>tagcenter trigger …</c>: act on people (设策略) when they enter a segment or cross a value, and follow every delivery.</summary>
internal static class TriggerCommand
{
    public static Command Create(CliOptions o) => new("trigger", o.Texts["cmd.trigger"])
    {
        TriggerListCommand.Create(o),
        TriggerShowCommand.Create(o),
        TriggerRunCommand.Create(o),
        TriggerDeliveriesCommand.Create(o, deadLetters: false),
        TriggerDeliveriesCommand.Create(o, deadLetters: true),
        TriggerReplayCommand.Create(o),
        TriggerOptOutCommand.Create(o),
    };
}
