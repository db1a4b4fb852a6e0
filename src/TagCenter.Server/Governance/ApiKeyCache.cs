using System.Collections.Concurrent;
using TagCenter.Stores;

namespace TagCenter.Server.Governance;

/// <summary>
/// The control store's key lookup, remembered for <see cref="Lifetime"/>: every authenticated request and every ingest
/// batch asks for its key, and a store round trip per batch is CPU the ingest path cannot spare. A key added or revoked
/// through this server flushes it at once (<see cref="Flush"/>, called by <see cref="Accounts"/>), so a revoked key is
/// refused on the very next request; a change made elsewhere (the CLI, another server on the same store) is seen
/// within <see cref="Lifetime"/>. Unknown keys are not remembered, so a stream of made-up keys cannot fill it.
/// </summary>
internal sealed class ApiKeyCache(IControlStore store, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private long _generation;

    /// <summary>The key whose hash is <paramref name="hash"/>, revoked or not, or null.</summary>
    public async ValueTask<ApiKeyRecord?> FindAsync(string hash, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(hash, out var cached) && cached.Until > now)
            return cached.Record;
        var generation = Volatile.Read(ref _generation);
        var record = await store.FindKeyAsync(hash, cancellationToken).ConfigureAwait(false);
        if (record is null)
            return null;
        if (_entries.Count >= MaxEntries)
            _entries.Clear();
        _entries[hash] = new Entry(record, now + Lifetime);
        // A flush while the store was being read may have been for this very key: what was read may predate it.
        if (Volatile.Read(ref _generation) != generation)
            _entries.TryRemove(hash, out _);
        return record;
    }

    /// <summary>Forgets every key: one was added or revoked.</summary>
    public void Flush()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private readonly record struct Entry(ApiKeyRecord Record, DateTimeOffset Until);
}
