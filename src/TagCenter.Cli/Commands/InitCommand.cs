using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Workspace;

namespace TagCenter.Cli.Commands;

internal static class InitCommand
{
    public static Command Create(GlobalOptions g)
    {
        var dir = new Argument<string>("dir") { Description = g.Texts["opt.workspace"], DefaultValueFactory = _ => "." };
        var command = new Command("init", g.Texts["cmd.init"]) { dir };
        command.SetAction(result =>
        {
            var t = Texts.For(result.GetValue(g.Lang));
            var root = Path.GetFullPath(result.GetValue(dir)!);
            var file = Path.Combine(root, WorkspaceDefinition.FileName);
            if (File.Exists(file))
            {
                AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(t.Format("init.exists", file))}[/]");
                return ExitCodes.Usage;
            }
            Directory.CreateDirectory(Path.Combine(root, "data"));
            File.WriteAllText(file, StarterWorkspace.Yaml);
            var data = Path.Combine(root, StarterWorkspace.ExampleDataPath);
            if (!File.Exists(data))
                File.WriteAllText(data, StarterWorkspace.ExampleData);
            WorkspaceLoader.Load(root); // the starter must itself be valid
            if (result.GetValue(g.Json))
                JsonOutput.Write(new { workspace = root, files = new[] { file, data } });
            else
                AnsiConsole.MarkupLine($"[green]✔[/] {Markup.Escape(t.Format("init.done", root))}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
