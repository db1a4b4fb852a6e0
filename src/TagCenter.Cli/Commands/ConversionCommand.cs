using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Analysis;
using TagCenter.DuckDb.Analysis;

namespace TagCenter.Cli.Commands;

/// <summary>
/// <c>tagcenter conversion --goal order_paid --within 7d --by city [--rule "…"] [--as-of T]</c>: per value of the
/// dimension, the share of the population who did the goal in (as-of − window, as-of] (<see cref="ConversionRequest"/>;
/// the as-of defaults to the last event of the log). Read-only.
/// </summary>
internal static class ConversionCommand
{
    public static Command Create(CliOptions o)
    {
        var t = o.Texts;
        var goal = new Option<string>("--goal") { Description = t["opt.conversion.goal"], Required = true };
        var within = AnalysisOptions.Within(t, "7d");
        var by = new Option<string>("--by") { Description = t["opt.analysis.by"], Required = true };
        var top = AnalysisOptions.Top(t, Dimension.DefaultTop);
        var rule = AnalysisOptions.Rule(t);
        var segment = AnalysisOptions.Segment(t);
        var asOf = AsOfOption.Create(t);
        var command = new Command("conversion", t["cmd.conversion"]) { goal, within, by, top, rule, segment, asOf };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            using var session = context.OpenReadOnly();
            var stopwatch = Stopwatch.StartNew();
            var conversion = AnalysisOptions.Usage(() =>
            {
                var window = AnalysisWindow.Parse(result.GetValue(within));
                var dimension = Dimensions.Resolve(session.Database, AnalysisOptions.Catalog(session), result.GetValue(by)!, result.GetValue(top));
                var at = AnalysisOptions.AsOfTime(result, asOf, session);
                var request = new ConversionRequest(result.GetValue(goal)!, window, at, dimension)
                {
                    Population = AnalysisOptions.PopulationOf(result, rule, segment, asOf, session),
                };
                return ConversionQuery.Run(session.Database, request);
            });
            Write(conversion, context, stopwatch.Elapsed);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(ConversionResult conversion, CliContext context, TimeSpan elapsed)
    {
        var request = conversion.Request;
        if (context.Json)
        {
            JsonOutput.Write(AnalysisJson.Conversion(conversion, elapsed));
            return;
        }
        var t = context.Texts;
        AnsiConsole.Write(new Rule(Markup.Escape(t.Format("analysis.conversion.title", request.Goal, request.AsOf.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), request.Within))).LeftJustified());
        if (request.Population.Label is { } population)
            ConsoleOutput.Grey(t.Format("analysis.population", population));
        var table = new Table().Border(TableBorder.Rounded).AddColumn(request.By.Name)
            .AddColumn(new TableColumn(t["analysis.persons"]).RightAligned()).AddColumn(new TableColumn(t["analysis.converted"]).RightAligned())
            .AddColumn(new TableColumn(t["analysis.rate"]).RightAligned());
        foreach (var g in conversion.Groups.Append(conversion.Total))
            table.AddRow(ConsoleOutput.Cell(AnalysisOptions.Label(g.Value)), ConsoleOutput.Cell($"{g.Persons:N0}"), ConsoleOutput.Cell($"{g.Converted:N0}"), ConsoleOutput.Cell(AnalysisOptions.Percent(g.Rate)));
        AnsiConsole.Write(table);
        ConsoleOutput.Grey(t.Format("analysis.elapsed", elapsed.TotalMilliseconds));
    }
}
