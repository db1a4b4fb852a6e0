using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Activation;

namespace TagCenter.Cli.Commands.Activation;

/// <summary><c>trigger list</c>: every trigger with its condition, actions, cap, quiet hours, consent and delivery counts.</summary>
internal static class TriggerListCommand
{
    public static Command Create(CliOptions o)
    {
        var command = new Command("list", o.Texts["cmd.trigger.list"]);
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            using var session = context.OpenReadOnly();
            using var activation = ActivationWorkspace.Open(session.Definition, session.Database);
            var counts = ActivationJson.CountsPerTrigger(activation.Store);
            var rows = activation.Triggers.Triggers.Select(tr => (Trigger: tr, Counts: counts.GetValueOrDefault(tr.Name) ?? new Dictionary<string, long>())).ToList();
            if (context.Json)
            {
                JsonOutput.Write(rows.Select(r => ActivationJson.TriggerRow(r.Trigger, r.Counts)).ToList());
                return ExitCodes.Ok;
            }
            if (rows.Count == 0)
            {
                ConsoleOutput.Warn(t["activation.none"]);
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var key in new[] { "name", "when", "actions", "cap", "quiet", "consent", "deliveries" })
                table.AddColumn(t["activation.col." + key]);
            foreach (var (trigger, c) in rows)
                table.AddRow(ConsoleOutput.Cell(trigger.Name), ConsoleOutput.Cell(TriggerText.When(trigger.When)), ConsoleOutput.Cell(TriggerText.Actions(trigger.Actions)),
                    ConsoleOutput.Cell(TriggerText.Cap(trigger.Cap)), ConsoleOutput.Cell(TriggerText.Quiet(trigger.QuietHours)), ConsoleOutput.Cell(trigger.Consent),
                    ConsoleOutput.Cell(string.Join(" ", c.Where(kv => kv.Value > 0).Select(kv => $"{kv.Key} {kv.Value:N0}"))));
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
