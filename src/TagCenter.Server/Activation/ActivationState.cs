using System.Globalization;
using System.Text;
using TagCenter.DuckDb.Activation;
using TagCenter.DuckDb.Tags;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Activation;

/// <summary>
/// The server's activation: one activation store for the process, where <c>--store</c> says (SQLite in the workspace,
/// whose runs open their own connection to the same WAL file and SQLite serialises the writers; or PostgreSQL), and the triggers and experiments as declared now, reloaded
/// when a file under triggers/, experiments/, segments/, boards/ or tags/ changes (an apply, an approved draft).
/// </summary>
public sealed class ActivationState : IDisposable
{
    private static readonly string[] Watched = ["triggers", "experiments", "segments", "boards", "tags"];
    private readonly WorkspaceHost _host;
    private readonly SemaphoreSlim _reload = new(1, 1);
    private Loaded? _current;

    public ActivationState(WorkspaceHost host, TimeProvider time)
    {
        _host = host;
        Time = time;
        Store = ActivationStores.Open(host.Options.Store, host.Definition.Root);
    }

    public SqlActivationStore Store { get; }

    public TimeProvider Time { get; }

    public string Root => _host.Definition.Root;

    /// <summary>Whether the workspace declares any trigger or experiment.</summary>
    public bool Declared => ActivationWorkspace.Declared(_host.Definition);

    /// <summary>The declarations as the files say now (a <see cref="Core.Diagnostics.WorkspaceException"/> when they are broken).</summary>
    public async Task<ActivationWorkspace> CurrentAsync(CancellationToken cancellationToken)
    {
        var stamp = Stamp();
        if (Volatile.Read(ref _current) is { } c && c.Stamp == stamp)
            return c.Workspace;
        await _reload.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { } again && again.Stamp == stamp)
                return again.Workspace;
            var catalog = await _host.ReadAsync((db, _) => PublishedCatalog.Load(db), cancellationToken).ConfigureAwait(false);
            var workspace = ActivationWorkspace.Load(_host.Definition, catalog, Store, Time);
            Volatile.Write(ref _current, new Loaded(stamp, workspace));
            return workspace;
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>Forget the declarations (the next use reloads them).</summary>
    public void Invalidate() => Volatile.Write(ref _current, null);

    private string Stamp()
    {
        var root = _host.Definition.Root;
        var text = new StringBuilder(DefinitionId(_host.Definition));
        foreach (var folder in Watched.Select(f => Path.Combine(root, f)).Where(Directory.Exists))
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories))
                text.Append(file.FullName).Append(file.Length).Append(file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('|');
        return text.ToString();
    }

    private static string DefinitionId(object definition) =>
        System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(definition).ToString(CultureInfo.InvariantCulture);

    private sealed record Loaded(string Stamp, ActivationWorkspace Workspace);

    public void Dispose()
    {
        _reload.Dispose();
        Store.Dispose();
    }
}
