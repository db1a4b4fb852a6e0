using System.CommandLine;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Console;

/// <summary>What every command starts from: the language, JSON or console output, the workspace folder.</summary>
internal sealed class CliContext
{
    private CliContext(Texts texts, bool json, string workspace, bool workspaceGiven)
    {
        Texts = texts;
        Json = json;
        WorkspaceRoot = workspace;
        WorkspaceGiven = workspaceGiven;
    }

    public Texts Texts { get; }

    public bool Json { get; }

    /// <summary>The <c>--workspace</c> folder, made absolute.</summary>
    public string WorkspaceRoot { get; }

    /// <summary>Whether <c>--workspace</c> was written on the command line (demo has its own default).</summary>
    public bool WorkspaceGiven { get; }

    public static CliContext From(ParseResult result, CliOptions options)
    {
        var given = result.GetResult(options.Workspace) is { Implicit: false };
        var texts = Texts.For(result.GetValue(options.Lang));
        var workspace = result.GetValue(options.Workspace);
        if (string.IsNullOrWhiteSpace(workspace))
            throw new UsageException(texts["error.workspace_empty"]);
        return new CliContext(texts, result.GetValue(options.Json), Path.GetFullPath(workspace), given);
    }

    /// <summary>The workspace definition (tagcenter.yaml, checked).</summary>
    public WorkspaceDefinition LoadWorkspace() => WorkspaceLoader.Load(WorkspaceRoot);

    /// <summary>The workspace and its database, for writing; Ctrl-C (<paramref name="cancellationToken"/>) interrupts the running statement.</summary>
    public WorkspaceSession Open(CancellationToken cancellationToken = default) => WorkspaceSession.Open(LoadWorkspace(), readOnly: false, cancellationToken);

    /// <summary>The workspace and its database for reading only: works on a read-only folder and beside a running load.</summary>
    public WorkspaceSession OpenReadOnly()
    {
        var session = WorkspaceSession.Open(LoadWorkspace(), readOnly: true);
        if (session.Database.Snapshot is { } why)
            System.Console.Error.WriteLine($"{Texts["storage.snapshot"]} ({why})");
        return session;
    }
}
