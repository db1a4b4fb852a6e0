using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Activation;

namespace TagCenter.Cli.Commands.Activation;

/// <summary><c>experiment show &lt;name&gt;</c>: per arm assigned, converted, conversion, lift against the holdout with its 95% interval and p-value, and the sample size needed.</summary>
internal static class ExperimentShowCommand
{
    public static Command Create(CliOptions o)
    {
        var name = new Argument<string>("name") { Description = o.Texts["opt.experiment.name"] };
        var command = new Command("show", o.Texts["cmd.experiment.show"]) { name };
        command.SetAction((result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            using var session = context.OpenReadOnly();
            using var activation = ActivationWorkspace.Open(session.Definition, session.Database);
            var experiment = activation.Experiments.Get(result.GetValue(name)!);
            var figures = ExperimentResults.Compute(session.Database, experiment, activation.Catalog);
            if (context.Json)
                JsonOutput.Write(ActivationJson.Experiment(figures));
            else
                Print(figures, context.Texts);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    public static void Print(ExperimentResult r, Texts t)
    {
        AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(r.Experiment.Name)}[/] [grey]{Markup.Escape(r.Experiment.Segment)} · {Markup.Escape(r.Experiment.Goal.ToString())}[/]").LeftJustified());
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var key in new[] { "arm", "share", "assigned", "converted", "conversion", "lift", "ci", "p" })
            table.AddColumn(new TableColumn(t["activation.col." + key]).RightAligned());
        foreach (var a in r.Arms)
        {
            var c = a.VsHoldout;
            table.AddRow(ConsoleOutput.Cell(a.Arm), ConsoleOutput.Cell($"{a.Percent:0.#}%"), ConsoleOutput.Cell($"{a.Counts.Assigned:N0}"), ConsoleOutput.Cell($"{a.Counts.Converted:N0}"),
                ConsoleOutput.Cell($"{a.Counts.Rate:P2}"), ConsoleOutput.Cell(c is null ? "—" : $"{c.Lift * 100:+0.00;-0.00} pp"),
                ConsoleOutput.Cell(c is null ? "" : $"[{c.Low * 100:0.00}, {c.High * 100:0.00}] pp"), ConsoleOutput.Cell(c is null ? "" : $"{c.PValue:0.###}"));
        }
        AnsiConsole.Write(table);
        ConsoleOutput.Grey(t.Format("activation.experiment.sample", r.SampleSizeNeeded, r.Experiment.MinimumDetectableEffect * 100));
        if (r.Members == 0)
            ConsoleOutput.Warn(t["activation.experiment.nobody"]);
        else if (r.Arms.All(a => a.Counts.Converted == 0))
            ConsoleOutput.Warn(t["activation.experiment.nogoal"]);
    }
}
