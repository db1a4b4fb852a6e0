using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Tags;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Tags;

namespace TagCenter.Cli.Commands;

/// <summary><c>tagcenter tags</c> prints the tag tree; <c>tagcenter run</c> computes tags and stores a snapshot.</summary>
internal static class TagsCommand
{
    public static Command Tree(GlobalOptions g)
    {
        var workspace = g.Workspace(".");
        var command = new Command("tags", g.Texts["cmd.tags"]) { workspace };
        command.SetAction(result =>
        {
            var t = Texts.For(result.GetValue(g.Lang));
            var root = result.GetValue(workspace)!;
            WorkspaceLoader.Load(root);
            var catalog = TagCatalog.Load(root);
            if (result.GetValue(g.Json))
                JsonOutput.Write(catalog.Tags.Select(tag => new
                {
                    path = tag.FullPath, code = tag.Code, kind = tag.Kind, type = tag.Type, unit = tag.Unit, values = tag.Values,
                    description = tag.Description, definition = tag.Definition, owner = tag.Owner, refresh = tag.Refresh, status = tag.Status, rule = tag.Rule,
                }));
            else
                AnsiConsole.Write(TreeView(catalog, null, t));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Run(GlobalOptions g)
    {
        var workspace = g.Workspace(".");
        var tags = new Option<string[]>("--tags") { Description = g.Texts["opt.tags"], AllowMultipleArgumentsPerToken = true };
        var asOf = new Option<string?>("--as-of") { Description = g.Texts["opt.asof"] };
        var command = new Command("run", g.Texts["cmd.run"]) { workspace, tags, asOf };
        command.SetAction(result =>
        {
            using var session = WorkspaceSession.Open(result, g, workspace);
            var t = session.Texts;
            var when = result.GetValue(asOf) is { } text
                ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal)
                : DateTime.Now;
            var catalog = TagCatalog.Load(session.Definition.Root);
            var only = result.GetValue(tags) is { Length: > 0 } names ? names : null;
            var report = new TagRunner(session.Database, TimeProvider.System).Run(catalog, when, only);
            if (session.Json)
                JsonOutput.Write(report);
            else
                Print(catalog, report, t);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static void Print(TagCatalog catalog, TagRunReport report, Texts t)
    {
        AnsiConsole.MarkupLine($"[green]✔[/] {Markup.Escape(t["step.tags"])}  {Markup.Escape(t.Format("tags.summary", report.Tags.Count, report.Coverage, report.RunId, report.AsOf))}  [grey]{report.Elapsed.TotalSeconds:0.0}s[/]");
        AnsiConsole.Write(TreeView(catalog, report, t));
        foreach (var bad in report.Tags.Where(r => r.Violations > 0))
            AnsiConsole.MarkupLine($"  [yellow]{Markup.Escape(t.Format("tags.violations", bad.Name, bad.Violations))}[/]");
    }

    private static Tree TreeView(TagCatalog catalog, TagRunReport? report, Texts t)
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
            var kind = $"{tag.Kind.ToString().ToLowerInvariant()} · {tag.Type.ToString().ToLowerInvariant()}{(tag.Unit is null ? "" : $" ({tag.Unit})")}";
            parent.AddNode($"{Markup.Escape(tag.Name)} [grey]{Markup.Escape(tag.Code)} · {Markup.Escape(kind)}[/]{coverage}");
        }
        return tree;
    }
}
