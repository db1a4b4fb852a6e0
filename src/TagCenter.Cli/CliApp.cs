using System.CommandLine;
using TagCenter.Cli.Commands;
using TagCenter.Cli.Commands.Activation;
using TagCenter.Cli.Commands.Governance;
using TagCenter.Cli.Commands.Segments;
using TagCenter.Cli.Console;

namespace TagCenter.Cli;

/// <summary>The command tree, and the one place where failures become error records and exit codes.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var texts = Texts.FromArgs(args);
        var options = new CliOptions(texts);
        var root = new RootCommand(texts["app.description"]) { options.Lang, options.Json, options.Workspace };
        foreach (var command in Commands(options))
            root.Subcommands.Add(command);

        var json = args.Contains("--json");
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
            return CliErrors.Usage(parse.Errors.Select(e => e.Message), json, texts);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                // Ctrl-C cancels the token; the running statement is interrupted and rolls back. Give it time to.
                ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
            });
        }
        catch (Exception e)
        {
            return CliErrors.Report(e, json, texts);
        }
    }

    private static IEnumerable<Command> Commands(CliOptions o) =>
    [
        InitCommand.Create(o),
        DemoCommand.Create(o),
        LoadCommand.Create(o),
        RefreshCommand.Create(o),
        StatusCommand.Create(o),
        IdentityCommand.Create(o),
        ProfileCommand.Create(o),
        TagsCommand.Create(o),
        TagShowCommand.Create(o),
        RunCommand.Create(o),
        PlanCommand.Create(o, apply: false),
        PlanCommand.Create(o, apply: true),
        ExportCommand.Create(o),
        FieldsCommand.Create(o),
        SegmentCommand.Create(o),
        BoardCommand.Create(o),
        FunnelCommand.Create(o),
        PathsCommand.Create(o),
        ConversionCommand.Create(o),
        ModelCommand.Create(o),
        ServeCommand.Create(o),
        TriggerCommand.Create(o),
        ExperimentCommand.Create(o),
        ReviewCommand.Create(o),
        KeysCommand.Create(o),
        UsersCommand.Create(o),
        AuditCommand.Create(o),
        RecommendCommand.Create(o),
    ];
}
