using System.CommandLine;
using TagCenter.Cli.Console;
using TagCenter.Core.Tags;

namespace TagCenter.Cli.Commands;

/// <summary><c>tagcenter tags dictionary [--out DIR]</c>: the tag dictionary (标签字典) as Markdown and CSV.</summary>
internal static class TagsDictionaryCommand
{
    public static Command Create(CliOptions o)
    {
        var output = new Option<string?>("--out") { Description = o.Texts["opt.out"] };
        var command = new Command("dictionary", o.Texts["cmd.dictionary"]) { output };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var definition = context.LoadWorkspace();
            var catalog = TagCatalog.Load(definition.Root);
            var folder = WorkspaceFiles.OutputFolder(result.GetValue(output) ?? definition.Root);
            var written = new List<string>();
            var markdown = Path.Combine(folder, "tag-dictionary.md");
            var csv = Path.Combine(folder, "tag-dictionary.csv");
            WorkspaceFiles.Write(markdown, TagDictionaryExport.Markdown(catalog), written);
            WorkspaceFiles.Write(csv, TagDictionaryExport.Csv(catalog), written, new System.Text.UTF8Encoding(true)); // BOM: Excel then reads Chinese right
            if (context.Json)
                JsonOutput.Write(new DictionaryResult(catalog.Tags.Count, markdown, csv));
            else
                ConsoleOutput.Ok(context.Texts.Format("dictionary.done", catalog.Tags.Count, markdown, csv));
            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed record DictionaryResult(int Tags, string Markdown, string Csv);
}
