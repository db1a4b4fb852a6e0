using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Activation;

namespace TagCenter.Cli.Commands.Activation;

/// <summary><c>trigger show &lt;name&gt;</c>: the definition and its latest deliveries.</summary>
internal static class TriggerShowCommand
{
    public static Command Create(CliOptions o)
    {
        var name = new Argument<string>("name") { Description = o.Texts["opt.trigger.name"] };
        var command = new Command("show", o.Texts["cmd.trigger.show"]) { name };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            using var session = context.OpenReadOnly();
            using var activation = ActivationWorkspace.Open(session.Definition, session.Database);
            var trigger = activation.Triggers.Get(result.GetValue(name)!);
            var recent = activation.Store.Find(trigger.Name, null, null, 20);
            if (context.Json)
            {
                JsonOutput.Write(ActivationJson.TriggerShow(trigger, recent, activation.Store.Counts(trigger.Name)));
                return ExitCodes.Ok;
            }
            AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(trigger.Name)}[/] [grey]{Markup.Escape(trigger.File)}[/]").LeftJustified());
            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow(ConsoleOutput.Cell(t["activation.col.when"]), ConsoleOutput.Cell(TriggerText.When(trigger.When)));
            grid.AddRow(ConsoleOutput.Cell(t["activation.col.actions"]), ConsoleOutput.Cell(TriggerText.Actions(trigger.Actions)));
            foreach (var (key, value) in new[] { ("cap", TriggerText.Cap(trigger.Cap)), ("quiet", TriggerText.Quiet(trigger.QuietHours)), ("consent", trigger.Consent ?? "") })
                if (value.Length > 0)
                    grid.AddRow(ConsoleOutput.Cell(t["activation.col." + key]), ConsoleOutput.Cell(value));
            if (trigger.Description is { } d)
                grid.AddRow(ConsoleOutput.Cell(t["activation.col.description"]), ConsoleOutput.Cell(d));
            AnsiConsole.Write(grid);
            if (recent.Count > 0)
                TriggerDeliveriesCommand.Print(recent, t);
            else
                ConsoleOutput.Grey(t["activation.deliveries.none"]);
            return ExitCodes.Ok;
        });
        return command;
    }
}
