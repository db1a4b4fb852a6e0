using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Console;

/// <summary>An open workspace: its definition and its database.</summary>
internal sealed class WorkspaceSession : IDisposable
{
    private WorkspaceSession(WorkspaceDefinition definition, WorkspaceDatabase database)
    {
        Definition = definition;
        Database = database;
    }

    public WorkspaceDefinition Definition { get; }

    public WorkspaceDatabase Database { get; }

    public static WorkspaceSession Open(WorkspaceDefinition definition, bool readOnly) =>
        new(definition, readOnly ? WorkspaceDatabase.OpenReadOnly(definition.DatabasePath) : WorkspaceDatabase.Open(definition.DatabasePath));

    public void Dispose() => Database.Dispose();
}
