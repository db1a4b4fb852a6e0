using System.CommandLine;
using TagCenter.Cli.Console;

namespace TagCenter.Cli.Commands.Activation;

/// <summary><c>tagcenter experiment …</c>: A/B tests on a segment (看效果): arms, a holdout, a goal, and the lift of each arm.</summary>
internal static class ExperimentCommand
{
    public static Command Create(CliOptions o) => new("experiment", o.Texts["cmd.experiment"])
    {
        ExperimentCreateCommand.Create(o),
        ExperimentShowCommand.Create(o),
    };
}
