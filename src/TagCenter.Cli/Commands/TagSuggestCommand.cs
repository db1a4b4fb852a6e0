using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Fields;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Fields;

namespace TagCenter.Cli.Commands;

/// <summary>
/// <c>tagcenter tag suggest [source.column …] [--write]</c>: tag definitions proposed from fields (字段级标签一键构建),
/// printed as YAML, or written as drafts into <c>tags/suggested/&lt;source&gt;.yaml</c>.
/// </summary>
internal static class TagSuggestCommand
{
    public static Command Create(CliOptions o)
    {
        var fields = new Argument<string[]>("fields") { Description = o.Texts["suggest.opt.fields"], Arity = ArgumentArity.ZeroOrMore };
        var write = new Option<bool>("--write") { Description = o.Texts["suggest.opt.write"] };
        var force = new Option<bool>("--force") { Description = o.Texts["suggest.opt.force"] };
        var command = new Command("suggest", o.Texts["suggest.cmd"]) { fields, write, force };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            var named = result.GetValue(fields) ?? [];
            TagSuggestionReport report;
            var root = context.WorkspaceRoot;
            using (var session = context.OpenReadOnly())
            {
                root = session.Definition.Root;
                report = TagSuggestions.Build(session.Database, session.Definition, TagCatalog.Load(root), named,
                    WorkspaceClock.For(session.Definition).GetLocalNow().DateTime);
            }
            var written = new List<string>();
            if (result.GetValue(write))
            {
                // A suggestion file the user may have edited is never overwritten silently.
                var files = report.Files.Select(f => (Path: WorkspaceFiles.NewFile(Path.Combine(root, SuggestionYaml.RelativePath(f.Key)), result.GetValue(force)), Yaml: f.Value)).ToList();
                foreach (var (path, yaml) in files)
                    WorkspaceFiles.Write(path, yaml, written);
            }
            if (context.Json)
            {
                JsonOutput.Write(new SuggestResult(report.Suggestions.Select(s => new SuggestionView(
                    $"{s.Source}.{s.Column}", s.Name, s.Code, s.Kind, s.Type, s.Values, s.Definition, s.FromGolden ? null : s.Rule, s.FromGolden ? s.Rule : null)).ToList(),
                    report.Skipped, report.Files, written));
                return ExitCodes.Ok;
            }
            if (written.Count == 0)
                foreach (var yaml in report.Files.Values)
                    System.Console.Out.WriteLine(yaml);
            if (named.Length > 0)
                foreach (var skip in report.Skipped)
                    ConsoleOutput.Warn(t.Format("suggest.skipped", skip.Field, skip.Reason));
            ConsoleOutput.Ok(t.Format("suggest.summary", report.Suggestions.Count, report.Fields, report.Skipped.Select(s => s.Field).Distinct().Count()));
            foreach (var file in written)
                ConsoleOutput.Ok(t.Format("suggest.written", file));
            if (written.Count == 0 && report.Suggestions.Count > 0)
                AnsiConsole.MarkupLine($"[grey]{Markup.Escape(t["suggest.hint"])}[/]");
            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed record SuggestResult(IReadOnlyList<SuggestionView> Suggestions, IReadOnlyList<SkippedField> Skipped,
        IReadOnlyDictionary<string, string> Files, IReadOnlyList<string> Written);

    private sealed record SuggestionView(string Field, string Name, string Code, TagKind Kind, TagValueType Type, IReadOnlyList<string> Values,
        string Definition, string? Rule, string? From);
}
