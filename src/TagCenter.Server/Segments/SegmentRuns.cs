using TagCenter.DuckDb.Segments;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Segments;

/// <summary>
/// Every segment's evaluations (<c>segment_runs</c>) as the engine last committed them, read once after each write
/// and then answered from memory: <c>GET /segments</c>, <c>GET /segments/{name}</c> and its trend made three
/// engine queries each (two catalog lookups and the runs, ~1.8 ms of a 2.2 ms request at 10M persons), though the
/// runs change only when the workspace is written (a run, a refresh, the committed real-time path).
/// </summary>
public sealed class SegmentRuns
{
    private readonly WorkspaceHost _host;
    private IReadOnlyDictionary<string, IReadOnlyList<SegmentRun>>? _runs;
    private long _writes;

    public SegmentRuns(WorkspaceHost host)
    {
        _host = host;
        host.Written += (_, _, _) =>
        {
            Interlocked.Increment(ref _writes);
            Volatile.Write(ref _runs, null);
        };
    }

    /// <summary>The evaluations of <paramref name="segment"/>, oldest first.</summary>
    public async Task<IReadOnlyList<SegmentRun>> OfAsync(string segment, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken).ConfigureAwait(false)).GetValueOrDefault(segment) ?? [];

    /// <summary>The latest evaluation of every segment evaluated, by name.</summary>
    public async Task<IReadOnlyDictionary<string, SegmentRun>> LatestAsync(CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.Key, r => r.Value[^1], StringComparer.Ordinal);

    /// <summary>Every segment's evaluations: those read since the last write, or read now (and kept unless a write came meanwhile).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<SegmentRun>>> AllAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _runs) is { } known)
            return known;
        // A write that ends while this read runs may or may not be in it: then it is used for this answer only.
        var writes = Interlocked.Read(ref _writes);
        var read = await _host.ReadAsync((db, _) => SegmentHistory.All(db).GroupBy(r => r.Segment, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SegmentRun>)[.. g], StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        if (Interlocked.Read(ref _writes) == writes)
            Interlocked.CompareExchange(ref _runs, read, null);
        return read;
    }
}
