using System.CommandLine;
using System.Diagnostics;
using TagCenter.Cli.Console;
using TagCenter.Core.Analysis;
using TagCenter.DuckDb.Analysis;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Commands;

/// <summary>
/// <c>tagcenter funnel a b c --within 7d [--by city] [--rule "…"] [--from D --to D]</c>: conversion through ordered
/// event steps (semantics on <see cref="FunnelRequest"/>). Read-only.
/// </summary>
internal static class FunnelCommand
{
    public static Command Create(CliOptions o)
    {
        var t = o.Texts;
        var steps = new Argument<string[]>("steps") { Description = t["opt.funnel.steps"], Arity = ArgumentArity.OneOrMore };
        var within = AnalysisOptions.Within(t, "7d");
        var by = AnalysisOptions.By(t);
        var top = AnalysisOptions.Top(t, Dimension.DefaultTop);
        var rule = AnalysisOptions.Rule(t);
        var segment = AnalysisOptions.Segment(t);
        var from = AnalysisOptions.From(t);
        var to = AnalysisOptions.To(t);
        var asOf = AsOfOption.Create(t);
        var command = new Command("funnel", t["cmd.funnel"]) { steps, within, by, top, rule, segment, from, to, asOf };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            using var session = context.OpenReadOnly();
            var stopwatch = Stopwatch.StartNew();
            var funnel = AnalysisOptions.Usage(() =>
            {
                var window = AnalysisWindow.Fixed(result.GetValue(within));
                var request = new FunnelRequest(result.GetValue(steps) ?? [], window)
                {
                    From = AnalysisOptions.Date(result.GetValue(from), session.Definition, end: false),
                    To = AnalysisOptions.Date(result.GetValue(to), session.Definition, end: true),
                };
                request.Validate(request.Steps.ToHashSet(StringComparer.Ordinal));
                if (result.GetValue(by) is { } dimension)
                    request = request with { By = Dimensions.Resolve(session.Database, AnalysisOptions.Catalog(session), dimension, result.GetValue(top)) };
                request = request with { Population = AnalysisOptions.PopulationOf(result, rule, segment, asOf, session) };
                request = request with { To = AnalysisOptions.Until(result, asOf, session, request.To) };
                return FunnelQuery.Run(session.Database, request);
            });
            FunnelView.Write(funnel, context, stopwatch.Elapsed);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// For <c>tagcenter demo</c>: the demo funnel (app_start → product_view → add_to_cart → order_paid within 7d) over
    /// the session's data, printed as a table (or returned for the demo's JSON). Throws NotFoundException without events.
    /// </summary>
    public static FunnelResult Demo(WorkspaceDatabase database, CliContext context, bool print = true)
    {
        var stopwatch = Stopwatch.StartNew();
        var funnel = FunnelQuery.Run(database, new FunnelRequest(["app_start", "product_view", "add_to_cart", "order_paid"], TimeSpan.FromDays(7)));
        if (print)
            FunnelView.Write(funnel, context, stopwatch.Elapsed);
        return funnel;
    }
}
