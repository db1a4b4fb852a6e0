using System.CommandLine;
using System.Text;
using Spectre.Console;
using TagCenter.Cli.Commands;
using TagCenter.Cli.Console;
using TagCenter.Core.Diagnostics;

System.Console.OutputEncoding = Encoding.UTF8;
var texts = Texts.FromArgs(args);
var global = new GlobalOptions(texts);
var root = new RootCommand(texts["app.description"]) { global.Lang, global.Json };
root.Subcommands.Add(InitCommand.Create(global));
root.Subcommands.Add(DemoCommand.Create(global));
root.Subcommands.Add(LoadCommand.Create(global));
root.Subcommands.Add(StatusCommand.Create(global));
root.Subcommands.Add(IdentityCommand.Create(global));
root.Subcommands.Add(ProfileCommand.Create(global));
root.Subcommands.Add(TagsCommand.Tree(global));
root.Subcommands.Add(TagsCommand.Run(global));
root.Subcommands.Add(TagsCommand.Show(global));
root.Subcommands.Add(PlanCommand.Plan(global));
root.Subcommands.Add(PlanCommand.Apply(global));

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (WorkspaceException e)
{
    foreach (var d in e.Diagnostics)
        AnsiConsole.MarkupLine($"[red]{Markup.Escape(texts["error"])}:[/] {Markup.Escape(d.ToString())}");
    return ExitCodes.WorkspaceInvalid;
}
catch (TagCenterException e)
{
    AnsiConsole.MarkupLine($"[red]{Markup.Escape(texts["error"])}:[/] {Markup.Escape(e.Message)}");
    return ExitCodes.SourcesFailed;
}
catch (OperationCanceledException)
{
    return 130;
}
