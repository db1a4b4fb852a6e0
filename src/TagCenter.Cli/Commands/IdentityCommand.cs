using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Commands;

internal static class IdentityCommand
{
    public static Command Create(GlobalOptions g)
    {
        var command = new Command("identity", g.Texts["cmd.identity"]);
        command.Subcommands.Add(Run(g));
        command.Subcommands.Add(Stats(g));
        return command;
    }

    private static Command Run(GlobalOptions g)
    {
        var workspace = g.Workspace(".");
        var incremental = new Option<bool>("--incremental") { Description = g.Texts["opt.incremental"] };
        var command = new Command("run", g.Texts["cmd.identity.run"]) { workspace, incremental };
        command.SetAction(result =>
        {
            using var session = WorkspaceSession.Open(result, g, workspace);
            var (t, definition, database) = (session.Texts, session.Definition, session.Database);
            var report = new IdentityRunner(database, definition, TimeProvider.System).Run(result.GetValue(incremental));
            if (result.GetValue(g.Json))
                JsonOutput.Write(report);
            else
                Print(report, t);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static void Print(IdentityRunReport report, Texts t)
    {
        AnsiConsole.MarkupLine($"[green]✔[/] {Markup.Escape(t["step.identity"])}  {Markup.Escape(t.Format("identity.summary", report.Identifiers, report.Persons, report.Conflicts))}  [grey]{report.Elapsed.TotalSeconds:0.0}s[/]");
        AnsiConsole.MarkupLine($"  [grey]{Markup.Escape(t.Format("identity.detail", report.Blocked, report.Merges, report.Splits, report.LargestPerson))}[/]");
        if (report.Incremental)
            AnsiConsole.MarkupLine($"  [grey]{Markup.Escape(t.Format("identity.incremental", report.Reresolved, report.Identifiers))}[/]");
        foreach (var fact in report.Facts)
            AnsiConsole.MarkupLine($"  [grey]fact_{Markup.Escape(fact.Fact)}: {Markup.Escape(t.Format("identity.fact", fact.Rows, fact.Matched, fact.Unmatched))}[/]");
    }

    private static Command Stats(GlobalOptions g)
    {
        var workspace = g.Workspace(".");
        var command = new Command("stats", g.Texts["cmd.identity.stats"]) { workspace };
        command.SetAction(result =>
        {
            using var session = WorkspaceSession.Open(result, g, workspace);
            var (t, definition, database) = (session.Texts, session.Definition, session.Database);
            var stats = IdentityStats.Read(database);
            if (result.GetValue(g.Json))
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
                AnsiConsole.MarkupLine(Markup.Escape(t["identity.never"]));
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
                largest.AddRow(oneId, $"{count:N0}", Markup.Escape(sample));
            AnsiConsole.Write(largest);
            AnsiConsole.MarkupLine($"{Markup.Escape(t["identity.conflicts"])}: {Markup.Escape(string.Join(" · ", stats.Conflicts.Select(c => $"{c.LimitedType} {c.Count:N0}")))}");
            if (stats.Blocked.Count > 0)
                AnsiConsole.MarkupLine($"{Markup.Escape(t["identity.blocked"])}: {Markup.Escape(string.Join(" · ", stats.Blocked.Select(b => $"{b.Type}:{b.Value} ×{b.Occurrences:N0}")))}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
