using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Tags;

namespace TagCenter.Cli.Commands;

/// <summary><c>tagcenter tags</c>: the tag tree of the files under tags/ (维度 → 主题 → 标签).</summary>
internal static class TagsCommand
{
    public static Command Create(CliOptions o)
    {
        var command = new Command("tags", o.Texts["cmd.tags"]);
        command.Subcommands.Add(TagsDictionaryCommand.Create(o));
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var definition = context.LoadWorkspace();
            var catalog = TagCatalog.Load(definition.Root);
            if (context.Json)
                JsonOutput.Write(catalog.Tags.Select(TagTreeView.Json).ToList());
            else
                AnsiConsole.Write(TagTreeView.Tree(catalog, null, context.Texts));
            return ExitCodes.Ok;
        });
        return command;
    }
}
