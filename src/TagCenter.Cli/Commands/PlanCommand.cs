using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Commands.Segments;
using TagCenter.Cli.Console;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Tags;
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
            var files = TagCatalog.Load(session.Definition.Root);
            var segments = SegmentWorkspace.All(session.Definition).Segments;
            var plan = TagPlanner.Plan(session.Database, files,
                new TagPlanOptions(when, WorkspaceClock.For(session.Definition), DeclaredSchema.Of(session.Definition), segments), cancellationToken);
            var breaks = TagConventionCheck.Check(files, session.Definition.TagConvention);
            if (apply && !plan.Blocked)
            {
                PublishedCatalog.Publish(session.Database, files, plan, TimeProvider.System.GetUtcNow().UtcDateTime);
                ApplySegments(session.Database, files, segments, plan, cancellationToken);
                Governance.CliAudit.Record(context, "apply", "workspace:" + session.Definition.Name, Governance.CliAudit.Summary(plan));
            }
            if (context.Json)
                JsonOutput.Write(new
                {
                    applied = apply && !plan.Blocked,
                    as_of = plan.AsOf,
                    as_of_source = plan.AsOfSource,
                    convention_breaks = breaks,
                    blocked = plan.Blocked,
                    changes = plan.Changes.Select(c => new
                    {
                        action = c.Action,
                        code = c.Code,
                        name = c.Name,
                        what = c.What,
                        persons_changing = c.PersonsChanging,
                        dependents = c.Dependents,
                        transitions = c.Transitions.Select(x => new { from = x.From, to = x.To, persons = x.Persons }),
                    }),
                    segments = plan.Segments.Select(s => new { action = s.Action, name = s.Name, file = s.File, rule_before = s.RuleBefore, rule_after = s.RuleAfter, size_before = s.SizeBefore, size_after = s.SizeAfter }),
                });
            else
            {
                Print(plan, apply, context.Texts);
                if (breaks.Count > 0)
                    ConsoleOutput.Warn(context.Texts.Format("tags.convention.summary", breaks.Count));
                foreach (var b in breaks)
                    ConsoleOutput.Warn($"  {b.File}: {b.Tag}: {b.Message}");
            }
            return Task.FromResult(plan.Blocked ? ExitCodes.PlanBlocked : ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>After publishing: new and changed segments are evaluated over the latest tag run's data (a static one only when new).</summary>
    private static void ApplySegments(TagCenter.DuckDb.Storage.WorkspaceDatabase db, TagCatalog files, IReadOnlyList<TagCenter.Core.Segments.SegmentDefinition> segments,
        TagPlan plan, CancellationToken cancellationToken)
    {
        var (run, asOf) = SegmentPass.LatestTagRun(db);
        var due = plan.Segments.Where(c => c.Action is SegmentChangeAction.Added or SegmentChangeAction.Changed)
            .Select(c => segments.First(s => s.Name == c.Name))
            .Where(s => s.Type == TagCenter.Core.Segments.SegmentType.Dynamic || plan.Segments.Any(c => c.Name == s.Name && c.Action == SegmentChangeAction.Added)).ToList();
        if (asOf is { } when && due.Count > 0)
            SegmentPass.Run(db, files, due, when, run, TimeProvider.System, cancellationToken);
    }

    private static void Print(TagPlan plan, bool apply, Texts t)
    {
        ConsoleOutput.Grey(t.Format("plan.asof." + plan.AsOfSource.ToString().ToLowerInvariant(), plan.AsOf));
        if (plan.Changes.Count == 0 && plan.Segments.Count == 0)
        {
            ConsoleOutput.Ok(t["plan.none"]);
            return;
        }
        foreach (var c in plan.Changes)
        {
            var (sign, color) = c.Action switch { TagChangeAction.Added => ("+", "green"), TagChangeAction.Removed => ("-", "red"), _ => ("~", "yellow") };
            var impact = c.PersonsChanging is { } n ? "  " + t.Format("plan.impact", n) : "";
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
        var summary = t.Format("plan.summary", plan.Changes.Count(c => c.Action == TagChangeAction.Added),
            plan.Changes.Count(c => c.Action == TagChangeAction.Changed), plan.Changes.Count(c => c.Action == TagChangeAction.Removed));
        if (plan.Segments.Count > 0)
            summary += " · " + t.Format("segment.plan.summary", plan.Segments.Count(s => s.Action == SegmentChangeAction.Added),
                plan.Segments.Count(s => s.Action == SegmentChangeAction.Changed), plan.Segments.Count(s => s.Action == SegmentChangeAction.Removed));
        AnsiConsole.MarkupLine(plan.Blocked
            ? $"[red]{Markup.Escape(summary + " · " + t["plan.blocked"])}[/]"
            : apply ? $"[green]✔[/] {Markup.Escape(summary + " · " + t["plan.applied"])}" : $"{Markup.Escape(summary)} · [grey]{Markup.Escape(t["plan.next"])}[/]");
    }
}
