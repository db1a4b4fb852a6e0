using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Identity;

namespace TagCenter.Cli.Commands;

/// <summary><c>tagcenter identity stats</c>: persons, identifiers per type, largest persons, conflicts, blocklisted values. Read-only.</summary>
internal static class IdentityStatsCommand
{
    public static Command Create(CliOptions o)
    {
        var command = new Command("stats", o.Texts["cmd.identity.stats"]);
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            using var session = context.OpenReadOnly();
            var stats = IdentityStats.Read(session.Database);
            if (context.Json)
            {
                JsonOutput.Write(new
                {
                    last_run = stats.LastRun,
                    persons = stats.Persons,
                    identifiers_per_type = stats.IdentifiersPerType.ToDictionary(x => x.Type, x => x.Values),
                    size_distribution = stats.SizeDistribution.Select(x => new { identifiers = x.Size, persons = x.Persons }),
                    largest = stats.Largest.Select(x => new { oneid = x.OneId, identifiers = x.Identifiers, sample = x.Sample }),
                    conflicts = stats.Conflicts.ToDictionary(x => x.LimitedType, x => x.Count),
                    blocked = stats.Blocked.Select(x => new { type = x.Type, value = x.Value, occurrences = x.Occurrences }),
                });
                return ExitCodes.Ok;
            }
            if (stats.LastRun is null)
            {
                ConsoleOutput.Warn(t["identity.never"]);
                return ExitCodes.Ok;
            }
            AnsiConsole.MarkupLine($"{Markup.Escape(t["identity.persons"])}: [bold]{stats.Persons:N0}[/]  ({stats.LastRun})");
            var types = new Table().Border(TableBorder.Rounded).AddColumn(t["identity.type"]).AddColumn(new TableColumn(t["identity.values"]).RightAligned());
            foreach (var (type, values) in stats.IdentifiersPerType)
                types.AddRow(type, $"{values:N0}");
            var sizes = new BarChart().Label(t["identity.sizes"]).Width(60);
            foreach (var (size, persons) in stats.SizeDistribution)
                sizes.AddItem(size >= 10 ? "10+" : size.ToString(), persons, Color.SteelBlue);
            AnsiConsole.Write(new Columns(types, sizes));
            var largest = new Table().Border(TableBorder.Rounded).Title(t["identity.largest"]).AddColumn("OneID").AddColumn(new TableColumn("#").RightAligned()).AddColumn(t["identity.sample"]);
            foreach (var (oneId, count, sample) in stats.Largest)
                largest.AddRow(ConsoleOutput.Cell(oneId), new Markup($"{count:N0}"), ConsoleOutput.Cell(sample));
            AnsiConsole.Write(largest);
            AnsiConsole.MarkupLine($"{Markup.Escape(t["identity.conflicts"])}: {Markup.Escape(string.Join(" · ", stats.Conflicts.Select(c => $"{c.LimitedType} {c.Count:N0}")))}");
            if (stats.Blocked.Count > 0)
                AnsiConsole.MarkupLine($"{Markup.Escape(t["identity.blocked"])}: {Markup.Escape(string.Join(" · ", stats.Blocked.Select(b => $"{b.Type}:{b.Value} ×{b.Occurrences:N0}")))}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
