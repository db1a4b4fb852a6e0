using System.CommandLine;
using TagCenter.Cli.Console;
using TagCenter.Core.Workspace;

namespace TagCenter.Cli.Commands;

/// <summary><c>tagcenter init [dir]</c>: a commented starter workspace (two sources, a fact, golden fields, two tags) that runs as written.</summary>
internal static class InitCommand
{
    public static Command Create(CliOptions o)
    {
        var dir = new Argument<string>("dir") { Description = o.Texts["opt.workspace"], DefaultValueFactory = _ => "." };
        var command = new Command("init", o.Texts["cmd.init"]) { dir };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var positional = result.GetResult(dir) is { Implicit: false };
            if (positional && context.WorkspaceGiven && Path.GetFullPath(result.GetValue(dir)!) != context.WorkspaceRoot)
                throw new UsageException(context.Texts["init.twofolders"]);
            var root = positional ? Path.GetFullPath(result.GetValue(dir)!) : context.WorkspaceRoot;
            var t = context.Texts;
            if (File.Exists(root))
                throw new UsageException(t.Format("storage.isfile", root));
            var file = Path.Combine(root, WorkspaceDefinition.FileName);
            if (File.Exists(file))
                throw new UsageException(t.Format("init.exists", file));
            var written = new List<string>();
            WorkspaceFiles.Write(file, StarterWorkspace.Yaml, written);
            WorkspaceFiles.WriteIfMissing(Path.Combine(root, StarterWorkspace.ExampleDataPath), StarterWorkspace.ExampleData, written);
            WorkspaceFiles.WriteIfMissing(Path.Combine(root, StarterWorkspace.OrdersDataPath), StarterWorkspace.OrdersData, written);
            WorkspaceFiles.WriteIfMissing(Path.Combine(root, StarterWorkspace.TagsPath), StarterWorkspace.Tags, written);
            WorkspaceLoader.Load(root); // the starter must itself be valid
            var output = new InitResult(root, written);
            if (context.Json)
                JsonOutput.Write(output);
            else
                ConsoleOutput.Ok(t.Format("init.done", root));
            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed record InitResult(string Workspace, IReadOnlyList<string> Files);
}
