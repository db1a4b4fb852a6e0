using TagCenter.Core.Realtime;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Profiles;
using TagCenter.DuckDb.Realtime;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Server.Hosting;

/// <summary>
/// The one open workspace of a server process. DuckDB allows one writer and many readers in a process: writes
/// (runs, applied events, segment changes) go one at a time through <see cref="WriteAsync{T}"/> on the writer
/// connection; reads take a connection of their own from a small pool and run beside them on the last committed
/// data. The bitmap index is opened once and swapped when a run or a real-time patch replaces it.
/// </summary>
public sealed class WorkspaceHost : IDisposable
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly WriterThread _writerThread;
    private readonly Lock _indexLock = new();
    private readonly ReaderPool _readers;
    private WorkspaceDefinition _definition;
    private TagIndex? _indexFile;
    private PatchedTagIndex? _index;
    private bool _indexLoaded;

    public WorkspaceHost(ServerOptions options, TimeProvider time)
    {
        Options = options;
        Time = time;
        _writerThread = new WriterThread("workspace writer", options.WriterNice);
        _definition = WorkspaceLoader.Load(options.WorkspaceRoot);
        Writer = WorkspaceDatabase.Open(_definition.DatabasePath);
        Writer.SetThreads(options.EffectiveEngineThreads);
        _readers = new ReaderPool(_definition.DatabasePath);
    }

    public ServerOptions Options { get; }

    public TimeProvider Time { get; }

    /// <summary>The workspace definition (tagcenter.yaml), reloaded by <see cref="ReloadDefinition"/> after an apply.</summary>
    public WorkspaceDefinition Definition => Volatile.Read(ref _definition);

    /// <summary>The writer connection: use only inside <see cref="WriteAsync{T}"/>.</summary>
    internal WorkspaceDatabase Writer { get; }

    /// <summary>Runs <paramref name="read"/> on a reader connection of its own, on the calling thread (a loop of its own that must not queue behind the thread pool).</summary>
    public T Read<T>(Func<WorkspaceDatabase, T> read)
    {
        var database = _readers.Rent();
        try
        {
            return read(database);
        }
        finally
        {
            _readers.Return(database);
        }
    }

    /// <summary>Runs <paramref name="read"/> on a reader connection of its own (the last committed data).</summary>
    public async Task<T> ReadAsync<T>(Func<WorkspaceDatabase, CancellationToken, T> read, CancellationToken cancellationToken)
    {
        var database = _readers.Rent();
        try
        {
            using var cancel = database.CancelWith(cancellationToken);
            return await Task.Run(() => read(database, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _readers.Return(database);
        }
    }

    /// <summary>Runs <paramref name="write"/> on the writer connection, one writer at a time.</summary>
    public Task<T> WriteAsync<T>(Func<WorkspaceDatabase, CancellationToken, T> write, CancellationToken cancellationToken) =>
        WriteAsync(write, touched: null, cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> on the writer connection, one writer at a time, and tells <see cref="Written"/>
    /// the engine's <see cref="ProfileVersion"/> before and after it, with the persons <paramref name="touched"/>
    /// names from its result when the write knows exactly whose facts it changed (null: it does not say).
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<WorkspaceDatabase, CancellationToken, T> write, Func<T, IReadOnlyCollection<string>>? touched,
        CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var cancel = Writer.CancelWith(cancellationToken);
            return await _writerThread.Run(() =>
            {
                if (Written is null)
                    return write(Writer, cancellationToken);
                var before = _version ??= ProfileVersion.Of(Writer);
                var done = false;
                T result = default!;
                try
                {
                    result = write(Writer, cancellationToken);
                    done = true;
                    return result;
                }
                finally
                {
                    _version = VersionAfter(done);
                    Written?.Invoke(before, _version, done && touched is not null ? touched(result) : null);
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>After every write: the engine's profile version before and after, and the persons it touched when it said.</summary>
    public event Action<string, string, IReadOnlyCollection<string>?>? Written;

    private string? _version;

    /// <summary>The version after a write; after a failed one that cannot be read, "unknown" (the store falls behind), so the write's own error is the one thrown.</summary>
    private string VersionAfter(bool written)
    {
        try
        {
            return ProfileVersion.Of(Writer);
        }
        catch (Exception) when (!written)
        {
            return "unknown";
        }
    }

    /// <summary>Whether the database answers (for <c>/ready</c>).</summary>
    public Task<bool> PingAsync(CancellationToken cancellationToken) => ReadAsync((db, _) =>
    {
        using var command = db.Connection.CreateCommand();
        command.CommandText = "SELECT 1";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }, cancellationToken);

    /// <summary>
    /// The bitmap index of the last tag run with the real-time changes since laid over it (<see cref="PatchedTagIndex"/>;
    /// its <see cref="PatchedTagIndex.Base"/> is the file's <see cref="TagIndex"/>), or null when there is none or it
    /// predates the last run (callers fall back to SQL, as <c>segment count</c> does). Opening it lays over it the
    /// real-time changes recorded since its run, so a restart loses none.
    /// </summary>
    public PatchedTagIndex? Index(WorkspaceDatabase db)
    {
        lock (_indexLock)
        {
            if (!_indexLoaded)
            {
                _indexFile = TagIndex.OpenIfCurrent(Definition.Root, db);
                _index = _indexFile is null ? null : new PatchedTagIndex(_indexFile).With(IndexPatches.Since(db, _indexFile.RunId),
                    _indexFile.ActivityAnchor is { } anchor ? ActivityPatches.Since(db, _indexFile.RunId, anchor, [.. _indexFile.Activity.Select(a => a.Code)]) : null);
                _indexLoaded = true;
            }
            return _index;
        }
    }

    /// <summary>
    /// Lays the rows a real-time update changed over the open index (readers holding the previous view keep it), and
    /// the activity read at <paramref name="activityAnchor"/> when the open index is still anchored there.
    /// </summary>
    public void PatchIndex(IReadOnlyList<IndexPatch> patches, IReadOnlyList<ActivityPatch>? activity = null, DateTime? activityAnchor = null)
    {
        lock (_indexLock)
        {
            if (_index is null)
                return;
            var fresh = activity is { Count: > 0 } && _index.ActivityAnchor == activityAnchor ? activity : null;
            if (patches.Count > 0 || fresh is not null)
                _index = _index.With(patches, fresh);
        }
    }

    /// <summary>
    /// The open index's activity columns and their anchor, for a real-time update to read; null when no index is open
    /// (opening one later reads the activity since its run) or it has none.
    /// </summary>
    public (DateTime Anchor, IReadOnlyList<string> Codes)? OpenActivity()
    {
        lock (_indexLock)
            return _index is { ActivityAnchor: { } anchor } index ? (anchor, [.. index.Activity.Select(a => a.Code)]) : null;
    }

    /// <summary>
    /// Drops the open index and its real-time overlay so the next <see cref="Index"/> reads the file a run just wrote
    /// (and the real-time changes after that run). The old one is not disposed: a request may still be counting on
    /// it, and its mapping of the replaced file stays valid until the garbage collector releases it.
    /// </summary>
    public void ReloadIndex()
    {
        lock (_indexLock)
        {
            _index = null;
            _indexFile = null;
            _indexLoaded = false;
        }
    }

    /// <summary>Reads tagcenter.yaml again (after an apply changed the workspace files).</summary>
    public void ReloadDefinition() => Volatile.Write(ref _definition, WorkspaceLoader.Load(Options.WorkspaceRoot));

    public void Dispose()
    {
        lock (_indexLock)
            _indexFile?.Dispose();
        _writerThread.Dispose();
        _readers.Dispose();
        Writer.Dispose();
        _writeGate.Dispose();
    }
}
