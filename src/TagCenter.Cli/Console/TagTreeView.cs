using Spectre.Console;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Tags;

namespace TagCenter.Cli.Console;

/// <summary>The tag tree (维度 → 主题 → 标签), with each tag's coverage after a run.</summary>
internal static class TagTreeView
{
    public static void PrintRun(TagCatalog catalog, TagRunReport report, AsOfTime asOf, Texts t)
    {
        ConsoleOutput.Step(t["step.tags"], t.Format("tags.summary", report.Tags.Count, report.Coverage, report.RunId, report.AsOf), report.Elapsed);
        ConsoleOutput.Grey("  " + t.Format("tags.asof", asOf.Local, asOf.Instant));
        AnsiConsole.Write(Tree(catalog, report, t));
        foreach (var bad in report.Tags.Where(r => r.Violations > 0))
            ConsoleOutput.Warn("  " + t.Format("tags.violations", bad.Name, bad.Violations));
    }

    public static Tree Tree(TagCatalog catalog, TagRunReport? report, Texts t)
    {
        var tree = new Tree(t["tags.tree"]);
        var nodes = new Dictionary<string, TreeNode>();
        foreach (var tag in catalog.Tags)
        {
            IHasTreeNodes parent = tree;
            var key = "";
            foreach (var part in tag.Path)
            {
                key += "/" + part;
                if (!nodes.TryGetValue(key, out var node))
                    nodes[key] = node = parent.AddNode($"[bold]{Markup.Escape(part)}[/]");
                parent = node;
            }
            var result = report?.Tags.FirstOrDefault(r => r.Name == tag.Name);
            var coverage = result is null ? "" : $"  [green]{result.Coverage:P1}[/]";
            parent.AddNode($"{Markup.Escape(tag.Name)} [grey]{Markup.Escape(tag.Code)} · {Markup.Escape(Kind(tag))}[/]{coverage}");
        }
        return tree;
    }

    public static string Kind(TagDefinition tag) =>
        $"{tag.Kind.ToString().ToLowerInvariant()} · {tag.Type.ToString().ToLowerInvariant()}{(tag.Unit is null ? "" : $" ({tag.Unit})")}";

    /// <summary>One tag as JSON for scripts (the same shape in <c>tags --json</c> and <c>tag show --json</c>).</summary>
    public static Dictionary<string, object?> Json(TagDefinition tag) => new()
    {
        ["path"] = tag.FullPath,
        ["code"] = tag.Code,
        ["kind"] = tag.Kind,
        ["type"] = tag.Type,
        ["unit"] = tag.Unit,
        ["values"] = tag.Values,
        ["description"] = tag.Description,
        ["definition"] = tag.Definition,
        ["rule"] = tag.Rule,
        ["owner"] = tag.Owner,
        ["business_line"] = tag.BusinessLine,
        ["refresh"] = tag.Refresh,
        ["status"] = tag.Status,
    };
}
