using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Models;
using TagCenter.DuckDb.Pipeline;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Tags;

namespace TagCenter.Cli.Commands;

/// <summary>Tags as code: <c>plan</c> shows what the files would change (with the impact on real data); <c>apply</c> publishes them.</summary>
internal static class PlanCommand
{
    public static Command Create(CliOptions o, bool apply)
    {
        var asOf = AsOfOption.Create(o.Texts);
        var command = new Command(apply ? "apply" : "plan", o.Texts[apply ? "cmd.apply" : "cmd.plan"]) { asOf };
        command.SetAction((result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            using var session = context.Open(cancellationToken);
            DateTime? when = result.GetValue(asOf) is null ? null : AsOfOption.Read(result, asOf, session.Definition).Local;
            var made = WorkspacePlan.Make(session.Database, session.Definition, when, apply, TimeProvider.System, cancellationToken);
            var (plan, breaks) = (made.Plan, made.Breaks);
            if (made.Applied)
                Governance.CliAudit.Record(context, "apply", "workspace:" + session.Definition.Name, Governance.CliAudit.Summary(plan));
            if (context.Json)
                JsonOutput.Write(WorkspacePlan.Json(made));
            else
            {
                Print(plan, made.Models, apply, context.Texts);
                PrintDeprecations(made, context.Texts);
                if (breaks.Count > 0)
                    ConsoleOutput.Warn(context.Texts.Format("tags.convention.summary", breaks.Count));
                foreach (var b in breaks)
                    ConsoleOutput.Warn($"  {b.File}: {b.Tag}: {b.Message}");
            }
            return Task.FromResult(made.Blocked ? ExitCodes.PlanBlocked : ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>Uses of deprecated tags and segments: warnings naming each user, after the plan.</summary>
    private static void PrintDeprecations(WorkspacePlanResult made, Texts t)
    {
        if (made.Deprecations.Count == 0)
            return;
        ConsoleOutput.Warn(t.Format("plan.deprecations", made.Deprecations.Count));
        foreach (var use in made.Deprecations)
            ConsoleOutput.Warn($"  {use.File}: {use.Message}");
    }

    private static void Print(TagPlan plan, ModelPlan models, bool apply, Texts t)
    {
        ConsoleOutput.Grey(t.Format("plan.asof." + plan.AsOfSource.ToString().ToLowerInvariant(), plan.AsOf));
        if (plan.Changes.Count == 0 && plan.Segments.Count == 0 && models.Changes.Count == 0)
        {
            ConsoleOutput.Ok(t["plan.none"]);
            return;
        }
        foreach (var c in plan.Changes)
        {
            var (sign, color) = c.Action switch { TagChangeAction.Added => ("+", "green"), TagChangeAction.Removed => ("-", "red"), _ => ("~", "yellow") };
            var impact = c.PersonsChanging is { } n ? "  " + t.Format("plan.impact", n)
                : c.Action == TagChangeAction.Deprecated ? "  " + t.Format("plan.deprecate", c.After?.Deprecated ?? "") : "";
            AnsiConsole.MarkupLine($"[{color}]{sign} {Markup.Escape(c.Name)}[/] [grey]{Markup.Escape(c.Code)} · {Markup.Escape(string.Join(", ", c.What))}[/]{Markup.Escape(impact)}");
            foreach (var (from, to, persons) in c.Transitions.Where(_ => c.Action == TagChangeAction.Changed))
                ConsoleOutput.Grey($"    {from ?? "∅"} → {to ?? "∅"}: {persons:N0}");
            if (c.Dependents.Count > 0)
                AnsiConsole.MarkupLine($"    [red]{Markup.Escape(t.Format("plan.dependents", string.Join(", ", c.Dependents)))}[/]");
        }
        foreach (var s in plan.Segments)
        {
            var (sign, color) = s.Action switch { SegmentChangeAction.Added => ("+", "green"), SegmentChangeAction.Removed => ("-", "red"), _ => ("~", "yellow") };
            var size = $"{(s.SizeBefore is { } b ? $"{b:N0}" : "∅")} → {(s.SizeAfter is { } a ? $"{a:N0}" : "∅")}";
            AnsiConsole.MarkupLine($"[{color}]{sign} {Markup.Escape(t.Format("segment.plan.line", s.Name))}[/] [grey]{Markup.Escape(t["segment.plan." + s.Action.ToString().ToLowerInvariant()])}[/]  {Markup.Escape(size)}");
        }
        ModelPlanText.Print(models, t);
        var summary = t.Format("plan.summary", plan.Changes.Count(c => c.Action == TagChangeAction.Added),
            plan.Changes.Count(c => c.Action == TagChangeAction.Changed), plan.Changes.Count(c => c.Action == TagChangeAction.Removed));
        if (plan.Changes.Count(c => c.Action == TagChangeAction.Deprecated) + plan.Segments.Count(s => s.Action == SegmentChangeAction.Deprecated) is > 0 and var deprecating)
            summary += " · " + t.Format("plan.summary.deprecate", deprecating);
        if (plan.Segments.Count > 0)
            summary += " · " + t.Format("segment.plan.summary", plan.Segments.Count(s => s.Action == SegmentChangeAction.Added),
                plan.Segments.Count(s => s.Action == SegmentChangeAction.Changed), plan.Segments.Count(s => s.Action == SegmentChangeAction.Removed));
        if (models.Changes.Count > 0)
            summary += " · " + ModelPlanText.Summary(models, t);
        AnsiConsole.MarkupLine(plan.Blocked || models.Blocked
            ? $"[red]{Markup.Escape(summary + " · " + t["plan.blocked"])}[/]"
            : apply ? $"[green]✔[/] {Markup.Escape(summary + " · " + t["plan.applied"])}" : $"{Markup.Escape(summary)} · [grey]{Markup.Escape(t["plan.next"])}[/]");
    }
}
