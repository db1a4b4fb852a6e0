using Spectre.Console;
using TagCenter.DuckDb.Identity;

namespace TagCenter.Cli.Console;

/// <summary>Renders an identity run: persons from identifiers, conflicts, merges and splits, fact tables.</summary>
internal static class IdentityView
{
    public static void Print(IdentityRunReport report, Texts t)
    {
        ConsoleOutput.Step(t["step.identity"], t.Format("identity.summary", report.Identifiers, report.Persons, report.Conflicts), report.Elapsed);
        ConsoleOutput.Grey("  " + t.Format("identity.detail", report.Blocked, report.Merges, report.Splits, report.LargestPerson));
        if (report.Incremental)
            ConsoleOutput.Grey("  " + t.Format("identity.incremental", report.Reresolved, report.Identifiers));
        foreach (var fact in report.Facts)
            AnsiConsole.MarkupLine($"  [grey]fact_{Markup.Escape(fact.Fact)}: {Markup.Escape(t.Format("identity.fact", fact.Rows, fact.Matched, fact.Unmatched))}[/]");
    }
}
