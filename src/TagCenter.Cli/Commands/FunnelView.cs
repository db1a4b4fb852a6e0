using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Analysis;
using TagCenter.DuckDb.Analysis;

namespace TagCenter.Cli.Commands;

/// <summary>A funnel as a table per group (the total first), or as one JSON object.</summary>
internal static class FunnelView
{
    public static void Write(FunnelResult funnel, CliContext context, TimeSpan elapsed)
    {
        if (context.Json)
        {
            JsonOutput.Write(AnalysisJson.Funnel(funnel, elapsed));
            return;
        }
        var t = context.Texts;
        var request = funnel.Request;
        AnsiConsole.Write(new Rule(Markup.Escape(t.Format("analysis.funnel.title", string.Join(" → ", request.Steps), AnalysisOptions.Duration(request.Within)))).LeftJustified());
        if (request.Population.Label is { } population)
            ConsoleOutput.Grey(t.Format("analysis.population", population));
        Table(funnel.Total, t);
        if (request.By is { } by)
        {
            ConsoleOutput.Grey(t.Format("analysis.funnel.by", by.Name, by.Top));
            var table = new Table().Border(TableBorder.Rounded).AddColumn(t["analysis.group"]);
            foreach (var step in request.Steps)
                table.AddColumn(new TableColumn(Markup.Escape(step)).RightAligned());
            foreach (var group in funnel.Groups)
                table.AddRow([ConsoleOutput.Cell(AnalysisOptions.Label(group.Value)),
                    .. group.Steps.Select(s => ConsoleOutput.Cell(s.Number == 1 ? $"{s.Persons:N0}" : $"{s.Persons:N0} ({AnalysisOptions.Percent(s.FromFirst)})"))]);
            AnsiConsole.Write(table);
        }
        ConsoleOutput.Grey(t.Format("analysis.elapsed", elapsed.TotalMilliseconds));
    }

    private static void Table(FunnelGroup group, Texts t)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn(t["analysis.step"]).AddColumn(t["analysis.event"])
            .AddColumn(new TableColumn(t["analysis.persons"]).RightAligned()).AddColumn(new TableColumn(t["analysis.from_previous"]).RightAligned())
            .AddColumn(new TableColumn(t["analysis.from_first"]).RightAligned()).AddColumn(new TableColumn(t["analysis.median"]).RightAligned());
        foreach (var s in group.Steps)
            table.AddRow(ConsoleOutput.Cell(s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), ConsoleOutput.Cell(s.Event),
                ConsoleOutput.Cell($"{s.Persons:N0}"), ConsoleOutput.Cell(AnalysisOptions.Percent(s.FromPrevious)),
                ConsoleOutput.Cell(AnalysisOptions.Percent(s.FromFirst)), ConsoleOutput.Cell(AnalysisOptions.Duration(s.MedianFromPrevious)));
        AnsiConsole.Write(table);
    }
}
