using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Tags;

namespace TagCenter.Cli.Commands;

/// <summary>
/// <c>tagcenter tag explain &lt;tag&gt; &lt;person&gt; [--as-of] [--rows N]</c>: the person's value of a published tag and
/// what it came from — upstream tags, fields, each behaviour aggregate with the fact rows it counted. Read-only.
/// </summary>
internal static class TagExplainCommand
{
    public static Command Create(CliOptions o)
    {
        var name = new Argument<string>("tag") { Description = o.Texts["opt.tagname"] };
        var person = new Argument<string>("person") { Description = o.Texts["history.opt.person"] };
        var asOf = AsOfOption.Create(o.Texts);
        var rows = new Option<int>("--rows") { Description = o.Texts["history.opt.rows"], DefaultValueFactory = _ => 10 };
        var command = new Command("explain", o.Texts["history.cmd.explain"]) { name, person, asOf, rows };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            using var session = context.OpenReadOnly();
            var wanted = result.GetValue(name)!;
            var catalog = PublishedCatalog.Load(session.Database) ?? TagCatalog.Load(session.Definition.Root);
            var tag = catalog.Find(wanted) ?? throw new NotFoundException(t.Format("tag.unknown", wanted) + Suggest.Hint(wanted, catalog.Tags.Select(x => x.Name)));
            var identifier = result.GetValue(person)!;
            if (!session.Database.TableExists("identity_map"))
                throw new NotFoundException(t["profile.noidentity"]);
            var profile = PersonProfile.Find(session.Database, session.Definition, identifier)
                ?? throw new NotFoundException(t.Format("profile.none", identifier));
            DateTime? at = result.GetValue(asOf) is null ? null : AsOfOption.Read(result, asOf, session.Definition).Local;
            var e = TagExplanation.Of(session.Database, catalog, tag, profile.OneId, at, Math.Max(0, result.GetValue(rows)));
            if (context.Json)
                JsonOutput.Write(Json(e));
            else
                Print(e, t);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static object Json(TagExplanation e) => new
    {
        tag = e.Tag.Name,
        code = e.Tag.Code,
        oneid = e.OneId,
        as_of = e.AsOf,
        run = e.Run?.RunId,
        stored = e.Stored,
        computed = e.Computed,
        rule = e.Tag.Rule,
        upstream_tags = e.UpstreamTags.Select(u => new { tag = u.Tag, code = u.Code, value = u.Value }),
        fields = e.Fields.Select(f => new { field = f.Field, value = f.Value }),
        aggregates = e.Aggregates.Select(a => new
        {
            expression = a.Expression,
            fact = a.Fact,
            value = a.Value,
            rows = a.Rows,
            shown = a.Shown.Select(r => new { source = r.Source, line = r.Line, at = r.At, columns = r.Columns.ToDictionary(c => c.Column, c => c.Value) }),
        }),
    };

    private static void Print(TagExplanation e, Texts t)
    {
        AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(e.Tag.FullPath)}[/] [grey]{Markup.Escape(e.Tag.Code)} · OneID {Markup.Escape(e.OneId)}[/]").LeftJustified());
        var grid = new Grid().AddColumn().AddColumn();
        void Line(string label, string? value) => grid.AddRow($"[grey]{Markup.Escape(label)}[/]", Markup.Escape(value ?? "—"));
        Line(t.Format("history.explain.stored", e.Run is { } run ? $"{run.AsOf:yyyy-MM-dd HH:mm}" : "—", e.Run?.RunId ?? t["history.explain.norunyet"]), e.Stored);
        Line(t["show.rule"], e.Tag.Rule);
        Line(t.Format("history.explain.computed", $"{e.AsOf:yyyy-MM-dd HH:mm}"), e.Computed);
        if (e.UpstreamTags.Count > 0)
            Line(t["history.explain.upstream"], string.Join("\n", e.UpstreamTags.Select(u => $"{u.Tag} = {u.Value ?? "∅"}")));
        if (e.Fields.Count > 0)
            Line(t["history.explain.fields"], string.Join("\n", e.Fields.Select(f => $"{f.Field} = {f.Value ?? "∅"}")));
        AnsiConsole.Write(grid);
        foreach (var a in e.Aggregates)
        {
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(a.Expression)}[/] = {Markup.Escape(a.Value ?? "∅")}  [grey]{Markup.Escape(t.Format("history.explain.rows", a.Rows))}[/]");
            if (a.Shown.Count == 0)
                continue;
            var table = new Table().Border(TableBorder.Rounded).AddColumn(t["history.explain.source"]).AddColumn(t["history.explain.time"]);
            var columns = a.Shown[0].Columns.Select(c => c.Column).ToList();
            foreach (var column in columns)
                table.AddColumn(Markup.Escape(column));
            foreach (var r in a.Shown)
                table.AddRow([ConsoleOutput.Cell($"{r.Source}:{r.Line}"), ConsoleOutput.Cell(r.At is { } at ? $"{at:yyyy-MM-dd HH:mm:ss}" : "—"),
                    .. r.Columns.Select(c => ConsoleOutput.Cell(c.Value ?? "∅"))]);
            AnsiConsole.Write(table);
            if (a.Rows > a.Shown.Count)
                ConsoleOutput.Grey("  " + t.Format("history.explain.more", a.Rows - a.Shown.Count));
        }
    }
}
