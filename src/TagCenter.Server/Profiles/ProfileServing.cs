using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TagCenter.Core.Segments;
using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Profiles;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Tags;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Profiles;

/// <summary>
/// Keeps the <see cref="ProfileStore"/> current for the server. The store is served only while its version is the
/// engine's: every write through <see cref="WorkspaceHost"/> reports the version before and after it, and the
/// persons it touched when it knows them (applied events, real-time changes). A write that names its persons
/// removes their documents and carries the store's version forward, and a background pass writes them again from a
/// later snapshot; any other change (a run, a segment saved, an apply) leaves the store behind, and it is rebuilt
/// whole from a snapshot once writes pause. Until then, and for a removed person, profiles are read from the engine.
/// </summary>
internal sealed partial class ProfileServing : BackgroundService
{
    private readonly WorkspaceHost _host;
    private readonly ILogger<ProfileServing> _log;
    private readonly string _folder;
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly Dictionary<string, long> _forgotten = new(StringComparer.Ordinal);
    private ProfileStore? _store;
    private string? _engineVersion;
    private long _sequence;
    private List<(string Before, string After, IReadOnlyCollection<string> Persons)>? _duringBuild;

    public ProfileServing(WorkspaceHost host, ServerOptions options, ILogger<ProfileServing> log)
    {
        _host = host;
        SliceSize = options.ProfileSliceSize;
        _log = log;
        _folder = Path.Combine(Path.GetDirectoryName(host.Definition.DatabasePath)!, "profiles");
        host.Written += Written;
    }

    /// <summary>How long writes must pause before a stale store is rebuilt (a run writes many times).</summary>
    public TimeSpan RebuildAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Persons in a OneID range of a build, 0 for all at once (<see cref="ServerOptions.ProfileSliceSize"/>).</summary>
    public int SliceSize { get; }

    /// <summary>The store when it is current for the engine, else null (read the engine).</summary>
    public ProfileStore? Current
    {
        get
        {
            lock (_lock)
                return _store is not null && _store.Version == _engineVersion ? _store : null;
        }
    }

    /// <summary>Profiles answered from the store (for tests and diagnostics).</summary>
    public long StoreReads => Interlocked.Read(ref _storeReads);

    private long _storeReads;

    public void ReadFromStore() => Interlocked.Increment(ref _storeReads);

    /// <summary>Completes when the store is current and no person waits to be written again (for tests and benchmarks).</summary>
    public async Task WaitCurrentAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_lock)
                if (_store is not null && _store.Version == _engineVersion && _forgotten.Count == 0)
                    return;
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The published tags and every segment (saved and a board's inline ones) for a profile read: loaded once per
    /// store version and files on disk while the store is current, else loaded for the request.
    /// </summary>
    public async Task<(TagCatalog? Published, IReadOnlyList<SegmentDefinition> Segments)> CatalogsAsync(ProfileStore? store, CancellationToken cancellationToken)
    {
        var definition = _host.Definition;
        var key = (definition, store?.Version, Stamp(Path.Combine(definition.Root, "segments")), Stamp(Path.Combine(definition.Root, "boards")));
        if (store is not null && _catalogs is { } cached && cached.Key.Equals(key))
            return (cached.Published, cached.Segments);
        var published = await _host.ReadAsync((db, _) => PublishedCatalog.Load(db), cancellationToken).ConfigureAwait(false);
        var segments = WorkspaceSegments.All(definition).Segments;
        if (store is not null)
            _catalogs = (key, published, segments);
        return (published, segments);
    }

    private (object Key, TagCatalog? Published, IReadOnlyList<SegmentDefinition> Segments)? _catalogs;

    /// <summary>When the files of a folder last changed (the latest of the folder's and its files' write times).</summary>
    private static DateTime Stamp(string folder) => !Directory.Exists(folder) ? DateTime.MinValue
        : Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Select(File.GetLastWriteTimeUtc)
            .Append(Directory.GetLastWriteTimeUtc(folder)).Max();

    private void Written(string before, string after, IReadOnlyCollection<string>? persons)
    {
        lock (_lock)
        {
            _engineVersion = after;
            if (persons is null || before == after)
            {
                if (before != after)
                    _signal.Release();
                return;
            }
            _sequence++;
            foreach (var oneId in persons)
                _forgotten[oneId] = _sequence;
            _store?.Forget(persons, before, after);
            _duringBuild?.Add((before, after, persons));
        }
        _signal.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var version = await _host.ReadAsync((db, _) => ProfileVersion.Of(db), stoppingToken).ConfigureAwait(false);
            var opened = ProfileStore.OpenLatest(_folder);
            lock (_lock)
            {
                _engineVersion ??= version;
                _store = opened;
                foreach (var oneId in opened?.Forgotten() ?? [])
                    _forgotten.TryAdd(oneId, 0);
            }
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await StepAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Failed(_log, e); // profiles are read from the engine meanwhile; try again later
                    await Task.Delay(RetryAfter, _host.Time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    /// <summary>How long to wait after a failed build or rewrite before trying again.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    private async Task StepAsync(CancellationToken stoppingToken)
    {
        bool stale, forgotten;
        lock (_lock)
            (stale, forgotten) = (_store is null || _store.Version != _engineVersion, _forgotten.Count > 0);
        if (stale)
            await RebuildWhenQuietAsync(stoppingToken).ConfigureAwait(false);
        else if (forgotten)
            await RewriteForgottenAsync(stoppingToken).ConfigureAwait(false);
        else
            await _signal.WaitAsync(TimeSpan.FromSeconds(10), stoppingToken).ConfigureAwait(false);
    }

    private async Task RebuildWhenQuietAsync(CancellationToken stoppingToken)
    {
        string? seen;
        lock (_lock)
            seen = _engineVersion;
        await Task.Delay(RebuildAfter, _host.Time, stoppingToken).ConfigureAwait(false);
        lock (_lock)
        {
            if (_engineVersion != seen)
                return; // still being written: wait again
            _duringBuild = [];
        }
        var started = _host.Time.GetTimestamp();
        ProfileStore built;
        try
        {
            built = await _host.ReadAsync((db, ct) => ProfileStore.Build(db, _host.Definition, _folder, SliceSize, _host.Time,
                new Progress<(long Persons, long Total)>(p => Progressed(p.Persons, p.Total, started)), ct), stoppingToken).ConfigureAwait(false);
        }
        catch
        {
            lock (_lock)
                _duringBuild = null;
            throw;
        }
        ProfileStore? old;
        lock (_lock)
        {
            foreach (var (before, after, persons) in _duringBuild!)
                built.Forget(persons, before, after);
            _duringBuild = null;
            (old, _store) = (_store, built);
        }
        old?.Delete();
        var seconds = _host.Time.GetElapsedTime(started).TotalSeconds;
        Built(_log, built.Path, built.Version, seconds);
    }

    private async Task RewriteForgottenAsync(CancellationToken stoppingToken)
    {
        ProfileStore? store;
        long upTo;
        List<string> persons;
        lock (_lock)
        {
            (store, upTo) = (_store, _sequence);
            persons = [.. _forgotten.Where(p => p.Value <= upTo).Select(p => p.Key).Take(2_000)];
        }
        if (store is null || persons.Count == 0)
            return;
        var filter = $"oneid IN ({string.Join(", ", persons.Select(SqlText.Literal))})";
        var (documents, keys) = await _host.ReadAsync((db, _) =>
        {
            db.Execute("BEGIN TRANSACTION");
            try
            {
                return (ProfileDocuments.Read(db, store.Shape, filter).ToList(), ProfileDocuments.Keys(db, filter).ToList());
            }
            finally
            {
                db.Execute("COMMIT");
            }
        }, stoppingToken).ConfigureAwait(false);
        lock (_lock)
        {
            if (_store != store)
                return;
            // Only persons not touched again since the snapshot began: a newer change waits for the next pass.
            var current = persons.Where(p => _forgotten.TryGetValue(p, out var at) && at <= upTo).ToHashSet(StringComparer.Ordinal);
            store.Put(current, documents.Where(d => current.Contains(d.OneId)), keys.Where(k => current.Contains(k.OneId)));
            foreach (var oneId in current)
                _forgotten.Remove(oneId);
        }
    }

    private void Progressed(long persons, long total, long started)
    {
        var seconds = _host.Time.GetElapsedTime(started).TotalSeconds;
        Building(_log, persons, total, seconds > 0 ? persons / seconds : 0);
    }

    public override void Dispose()
    {
        _host.Written -= Written;
        _store?.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Profile store: {Persons} of {Total} persons written ({Rate:0} a second)")]
    private static partial void Building(ILogger logger, long persons, long total, double rate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Profile store {Path} built for engine version {Version} in {Seconds:0.0} s")]
    private static partial void Built(ILogger logger, string path, string version, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Profile store: building or rewriting failed; profiles are read from the engine until it is tried again")]
    private static partial void Failed(ILogger logger, Exception exception);
}
