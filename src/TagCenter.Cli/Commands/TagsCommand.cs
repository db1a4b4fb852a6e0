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
        command.Subcommands.Add(Dictionary(g));
        command.SetAction(result =>
        {
            var t = Texts.For(result.GetValue(g.Lang));
            var root = result.GetValue(workspace)!;
            WorkspaceLoader.Load(root);
            var catalog = TagCatalog.Load(root);
            if (result.GetValue(g.Json))
                JsonOutput.Write(catalog.Tags.Select(Json));
            else
                AnsiConsole.Write(TreeView(catalog, null, t));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Dictionary(GlobalOptions g)
    {
        var workspace = g.Workspace(".");
        var output = new Option<string?>("--out") { Description = g.Texts["opt.out"] };
        var command = new Command("dictionary", g.Texts["cmd.dictionary"]) { workspace, output };
        command.SetAction(result =>
        {
            var t = Texts.For(result.GetValue(g.Lang));
            var root = result.GetValue(workspace)!;
            WorkspaceLoader.Load(root);
            var catalog = TagCatalog.Load(root);
            var folder = result.GetValue(output) ?? root;
            Directory.CreateDirectory(folder);
            var markdown = Path.Combine(folder, "tag-dictionary.md");
            var csv = Path.Combine(folder, "tag-dictionary.csv");
            File.WriteAllText(markdown, TagDictionaryExport.Markdown(catalog));
            File.WriteAllText(csv, TagDictionaryExport.Csv(catalog), new System.Text.UTF8Encoding(true)); // BOM: Excel then reads Chinese right
            if (result.GetValue(g.Json))
                JsonOutput.Write(new { tags = catalog.Tags.Count, markdown, csv });
            else
                AnsiConsole.MarkupLine($"[green]✔[/] {Markup.Escape(t.Format("dictionary.done", catalog.Tags.Count, markdown, csv))}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Show(GlobalOptions g)
    {
        var workspace = g.Workspace(".");
        var name = new Argument<string>("name") { Description = g.Texts["opt.tagname"] };
        var show = new Command("show", g.Texts["cmd.tagshow"]) { name, workspace };
        show.SetAction(result =>
        {
            using var session = WorkspaceSession.Open(result, g, workspace);
            var t = session.Texts;
            var lineage = TagLineage.Of(session.Database, session.Definition, TagCatalog.Load(session.Definition.Root), result.GetValue(name)!);
            var tag = lineage.Tag;
            if (session.Json)
            {
                var json = Json(tag);
                json["upstream_tags"] = lineage.UpstreamTags;
                json["reads"] = lineage.Reads;
                json["sources"] = lineage.Sources;
                json["downstream_tags"] = lineage.DownstreamTags;
                json["distribution"] = lineage.Distribution.Select(d => new { value = d.Value, persons = d.Persons });
                json["quantiles"] = lineage.Quantiles;
                json["persons"] = lineage.Persons;
                JsonOutput.Write(json);
                return ExitCodes.Ok;
            }
            AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(tag.FullPath)}[/] [grey]{tag.Code}[/]").LeftJustified());
            var grid = new Grid().AddColumn().AddColumn();
            void Line(string key, string? value) => grid.AddRow($"[grey]{Markup.Escape(t[key])}[/]", Markup.Escape(value ?? "—"));
            Line("show.kind", $"{tag.Kind.ToString().ToLowerInvariant()} · {tag.Type.ToString().ToLowerInvariant()}{(tag.Unit is null ? "" : $" ({tag.Unit})")}{(tag.Values.Count == 0 ? "" : " · " + string.Join(" / ", tag.Values))}");
            Line("show.description", tag.Description);
            Line("show.definition", tag.Definition);
            Line("show.rule", tag.Rule);
            Line("show.owner", $"{tag.Owner} · {tag.BusinessLine} · {tag.Refresh} · {tag.Status}");
            Line("show.upstream", string.Join(", ", lineage.UpstreamTags.Concat(lineage.Reads)));
            Line("show.sources", string.Join("\n", lineage.Sources));
            Line("show.downstream", string.Join(", ", lineage.DownstreamTags));
            if (lineage.Quantiles is not null)
                Line("show.quantiles", lineage.Quantiles);
            AnsiConsole.Write(grid);
            if (lineage.Quantiles is null && lineage.Distribution.Count > 0)
            {
                var chart = new BarChart().Label(t.Format("show.distribution", lineage.Persons)).Width(60);
                foreach (var (value, persons) in lineage.Distribution)
                    chart.AddItem(Markup.Escape(value ?? "∅"), persons, Color.SteelBlue);
                AnsiConsole.Write(chart);
            }
            return ExitCodes.Ok;
        });
        var command = new Command("tag", g.Texts["cmd.tag"]);
        command.Subcommands.Add(show);
        return command;
    }

    public static Command Run(GlobalOptions g)
    {
        var workspace = g.Workspace(".");
        var tags = new Option<string[]>("--tags") { Description = g.Texts["opt.tags"], AllowMultipleArgumentsPerToken = true };
        var asOf = new Option<string?>("--as-of") { Description = g.Texts["opt.asof"] };
        var due = new Option<bool>("--due") { Description = g.Texts["opt.due"] };
        var command = new Command("run", g.Texts["cmd.run"]) { workspace, tags, asOf, due };
        command.SetAction(result =>
        {
            using var session = WorkspaceSession.Open(result, g, workspace);
            var t = session.Texts;
            var when = result.GetValue(asOf) is { } text
                ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal)
                : TimeProvider.System.GetLocalNow().DateTime;
            // Runs compute what was published (tagcenter apply), not whatever the files say today.
            var catalog = PublishedCatalog.Load(session.Database)
                ?? throw new TagCenter.Core.Diagnostics.WorkspaceException([new TagCenter.Core.Diagnostics.Diagnostic("tags/", 0, 0, t["tags.unpublished"])]);
            IReadOnlyCollection<string>? only = result.GetValue(tags) is { Length: > 0 } names ? names : null;
            var runner = new TagRunner(session.Database, TimeProvider.System);
            if (result.GetValue(due))
            {
                only = runner.Due(catalog, TimeProvider.System.GetUtcNow().UtcDateTime, TimeZoneInfo.Local);
                if (only.Count == 0)
                {
                    AnsiConsole.MarkupLine($"[green]✔[/] {Markup.Escape(t["tags.nothingdue"])}");
                    return ExitCodes.Ok;
                }
            }
            var report = runner.Run(catalog, when, only);
            if (session.Json)
                JsonOutput.Write(report);
            else
                Print(catalog, report, t);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One tag as JSON for scripts (the same shape in <c>tags --json</c> and <c>tag show --json</c>).</summary>
    private static Dictionary<string, object?> Json(TagDefinition tag) => new()
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
