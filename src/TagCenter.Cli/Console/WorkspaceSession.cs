using System.CommandLine;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Console;

/// <summary>What most commands start with: the language, the workspace definition and its database.</summary>
internal sealed class WorkspaceSession : IDisposable
{
    private WorkspaceSession(Texts texts, bool json, WorkspaceDefinition definition, WorkspaceDatabase database)
    {
        Texts = texts;
        Json = json;
        Definition = definition;
        Database = database;
    }

    public Texts Texts { get; }

    public bool Json { get; }

    public WorkspaceDefinition Definition { get; }

    public WorkspaceDatabase Database { get; }

    public static WorkspaceSession Open(ParseResult result, GlobalOptions g, Option<string> workspace)
    {
        var definition = WorkspaceLoader.Load(result.GetValue(workspace)!);
        return new WorkspaceSession(Texts.For(result.GetValue(g.Lang)), result.GetValue(g.Json), definition,
            WorkspaceDatabase.Open(definition.DatabasePath));
    }

    public void Dispose() => Database.Dispose();
}
