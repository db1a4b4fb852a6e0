using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Console;

/// <summary>An open workspace: its definition and its database.</summary>
internal sealed class WorkspaceSession : IDisposable
{
    private readonly IDisposable? _cancellation;

    private WorkspaceSession(WorkspaceDefinition definition, WorkspaceDatabase database, CancellationToken cancellationToken)
    {
        Definition = definition;
        Database = database;
        _cancellation = cancellationToken.CanBeCanceled ? database.CancelWith(cancellationToken) : null;
    }

    public WorkspaceDefinition Definition { get; }

    public WorkspaceDatabase Database { get; }

    public static WorkspaceSession Open(WorkspaceDefinition definition, bool readOnly, CancellationToken cancellationToken = default) =>
        new(definition, readOnly ? WorkspaceDatabase.OpenReadOnly(definition.DatabasePath) : WorkspaceDatabase.Open(definition.DatabasePath),
            cancellationToken);

    public void Dispose()
    {
        _cancellation?.Dispose();
        Database.Dispose();
    }
}
