using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Activation;

namespace TagCenter.Cli.Commands.Activation;

/// <summary><c>trigger deliveries [--status]</c> and <c>trigger dead-letters</c>: the outbox, newest first, with attempts, latency and the last error.</summary>
internal static class TriggerDeliveriesCommand
{
    private static readonly string[] Statuses = [DeliveryStatus.Pending, DeliveryStatus.Delivered, DeliveryStatus.Dead, DeliveryStatus.SkippedCap, DeliveryStatus.SkippedConsent];

    public static Command Create(CliOptions o, bool deadLetters)
    {
        var status = new Option<string?>("--status") { Description = o.Texts["opt.trigger.status"] };
        status.AcceptOnlyFromAmong(Statuses);
        var limit = new Option<int>("--limit") { Description = o.Texts["opt.trigger.limit"], DefaultValueFactory = _ => 50 };
        var command = new Command(deadLetters ? "dead-letters" : "deliveries", o.Texts[deadLetters ? "cmd.trigger.dead" : "cmd.trigger.deliveries"]) { limit };
        if (!deadLetters)
            command.Options.Add(status);
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            using var session = context.OpenReadOnly();
            using var activation = ActivationWorkspace.Open(session.Definition, session.Database);
            var items = activation.Store.List(deadLetters ? DeliveryStatus.Dead : result.GetValue(status), Math.Max(1, result.GetValue(limit)));
            if (context.Json)
                JsonOutput.Write(items.Select(i => ActivationJson.Delivery(i)).ToList());
            else if (items.Count == 0)
                ConsoleOutput.Grey(context.Texts["activation.deliveries.none"]);
            else
                Print(items, context.Texts);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static void Print(IReadOnlyList<OutboxItem> items, Texts t)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var key in new[] { "id", "name", "person", "destination", "status", "attempts", "latency", "due", "error" })
            table.AddColumn(t["activation.col." + key]);
        foreach (var i in items)
            table.AddRow(ConsoleOutput.Cell(i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ConsoleOutput.Cell(i.Trigger), ConsoleOutput.Cell(i.Person),
                ConsoleOutput.Cell(i.Destination), ConsoleOutput.Cell(t["activation.status." + i.Status]), ConsoleOutput.Cell(i.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ConsoleOutput.Cell(i.LatencyMs is { } ms ? $"{ms:0.#} ms" : ""), ConsoleOutput.Cell(i.DueAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
                ConsoleOutput.Cell(i.LastError));
        AnsiConsole.Write(table);
    }
}
