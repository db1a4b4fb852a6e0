using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Models;

namespace TagCenter.Cli.Commands;

/// <summary>The model lines of <c>plan|apply</c>: one per added, changed or removed model, with what changed and who blocks a removal.</summary>
internal static class ModelPlanText
{
    public static void Print(ModelPlan plan, Texts t)
    {
        foreach (var c in plan.Changes)
        {
            var (sign, color) = c.Action switch { ModelChangeAction.Added => ("+", "green"), ModelChangeAction.Removed => ("-", "red"), _ => ("~", "yellow") };
            AnsiConsole.MarkupLine($"[{color}]{sign} {Markup.Escape(t.Format("models.plan.line", c.Name))}[/] [grey]{Markup.Escape(c.Kind.ToString().ToLowerInvariant())} · {Markup.Escape(string.Join(", ", c.What))}[/]");
            if (c.Dependents.Count > 0)
                AnsiConsole.MarkupLine($"    [red]{Markup.Escape(t.Format("models.plan.dependents", string.Join(", ", c.Dependents)))}[/]");
        }
    }

    public static string Summary(ModelPlan plan, Texts t) =>
        t.Format("models.plan.summary", plan.Changes.Count(c => c.Action == ModelChangeAction.Added),
            plan.Changes.Count(c => c.Action == ModelChangeAction.Changed), plan.Changes.Count(c => c.Action == ModelChangeAction.Removed));
}
