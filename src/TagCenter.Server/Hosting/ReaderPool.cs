using System.Collections.Concurrent;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Server.Hosting;

/// <summary>
/// Reader connections to the workspace database. DuckDB shares one database instance between the connections of a
/// process, so a reader sees every committed write of the writer connection; a connection is used by one request
/// at a time and kept for the next.
/// </summary>
internal sealed class ReaderPool(string databasePath) : IDisposable
{
    private const int Kept = 8;
    private readonly ConcurrentBag<WorkspaceDatabase> _idle = [];

    public WorkspaceDatabase Rent() => _idle.TryTake(out var database) ? database : WorkspaceDatabase.Open(databasePath);

    public void Return(WorkspaceDatabase database)
    {
        if (_idle.Count < Kept)
            _idle.Add(database);
        else
            database.Dispose();
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var database))
            database.Dispose();
    }
}
