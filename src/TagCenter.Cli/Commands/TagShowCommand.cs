using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Tags;

namespace TagCenter.Cli.Commands;

/// <summary><c>tagcenter tag show X</c>: 口径, rule, lineage (sources, up- and downstream tags), value distribution. Read-only.</summary>
internal static class TagShowCommand
{
    public static Command Create(CliOptions o)
    {
        var name = new Argument<string>("name") { Description = o.Texts["opt.tagname"] };
        var show = new Command("show", o.Texts["cmd.tagshow"]) { name };
        show.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            using var session = context.OpenReadOnly();
            var files = TagCatalog.Load(session.Definition.Root);
            var wanted = result.GetValue(name)!;
            var published = PublishedCatalog.Load(session.Database);
            if (files.Find(wanted) is null && published?.Find(wanted) is null)
                throw new NotFoundException(t.Format("tag.unknown", wanted)
                    + Suggest.Hint(wanted, files.Tags.Concat(published?.Tags ?? []).Select(x => x.Name).Distinct()));
            var lineage = TagLineage.Of(session.Database, session.Definition, files, wanted);
            var tag = lineage.Tag;
            if (context.Json)
            {
                var json = TagTreeView.Json(tag);
                json["upstream_tags"] = lineage.UpstreamTags;
                json["reads"] = lineage.Reads;
                json["sources"] = lineage.Sources;
                json["downstream_tags"] = lineage.DownstreamTags;
                json["distribution"] = lineage.Distribution.Select(d => new { value = d.Value, persons = d.Persons });
                json["quantiles"] = lineage.Quantiles;
                json["persons"] = lineage.Persons;
                json["published"] = lineage.Published;
                json["draft"] = lineage.Draft is null ? null : TagTreeView.Json(lineage.Draft);
                JsonOutput.Write(json);
                return ExitCodes.Ok;
            }
            AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(tag.FullPath)}[/] [grey]{Markup.Escape(tag.Code)}[/]").LeftJustified());
            var grid = new Grid().AddColumn().AddColumn();
            void Line(string key, string? value) => grid.AddRow($"[grey]{Markup.Escape(t[key])}[/]", Markup.Escape(value ?? "—"));
            Line("show.kind", TagTreeView.Kind(tag) + (tag.Values.Count == 0 ? "" : " · " + string.Join(" / ", tag.Values)));
            Line("show.description", tag.Description);
            Line("show.definition", tag.Definition);
            Line("show.rule", tag.Rule + (lineage.Published ? "" : "  (" + t["show.unpublished"] + ")"));
            if (lineage.Draft is { } draft && draft.Rule != tag.Rule)
                grid.AddRow($"[yellow]{Markup.Escape(t["show.draft"])}[/]", $"[yellow]{Markup.Escape(draft.Rule ?? "—")}[/]");
            Line("show.owner", $"{tag.Owner} · {tag.BusinessLine} · {tag.Refresh} · {tag.Status}");
            Line("show.upstream", string.Join(", ", lineage.UpstreamTags.Concat(lineage.Reads)));
            Line("show.sources", string.Join("\n", lineage.Sources));
            Line("show.downstream", string.Join(", ", lineage.DownstreamTags));
            if (lineage.Quantiles is not null)
                Line("show.quantiles", lineage.Quantiles);
            AnsiConsole.Write(grid);
            if (lineage.Quantiles is null && lineage.Distribution.Count > 0)
            {
                var chart = new BarChart().Label(Markup.Escape(t.Format("show.distribution", lineage.Persons))).Width(60);
                foreach (var (value, persons) in lineage.Distribution)
                    chart.AddItem(Markup.Escape(value ?? "∅"), persons, Color.SteelBlue);
                AnsiConsole.Write(chart);
            }
            return ExitCodes.Ok;
        });
        var command = new Command("tag", o.Texts["cmd.tag"]);
        command.Subcommands.Add(show);
        command.Subcommands.Add(TagSuggestCommand.Create(o));
        command.Subcommands.Add(TagExplainCommand.Create(o));
        command.Subcommands.Add(Activation.TagEvaluateCommand.Create(o));
        return command;
    }
}
