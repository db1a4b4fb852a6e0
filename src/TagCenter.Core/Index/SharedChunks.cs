namespace TagCenter.Core.Index;

/// <summary>
/// Work of numbered chunks shared by the caller and one pool thread: each takes the next chunk until none is left,
/// so a pool thread that starts late (the pool busy with requests) takes less, and the caller never waits for a
/// fixed share of the work, only for the chunk the other thread is in. Each thread gets a worker of its own
/// (buffers, cursors); chunks reach a worker in increasing order.
/// </summary>
internal sealed class SharedChunks
{
    /// <summary>16-bit keys from which a pass over an index is worth sharing: below, the second thread costs more than it saves.</summary>
    public const int FromKeys = 32;

    /// <summary>16-bit keys a thread takes at a time.</summary>
    public const int ChunkKeys = 8;

    private readonly int _chunks;
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _next;
    private int _done;

    private SharedChunks(int chunks) => _chunks = chunks;

    /// <summary>How many chunks <paramref name="keys"/> keys make.</summary>
    public static int Of(int keys) => (keys + ChunkKeys - 1) / ChunkKeys;

    /// <summary>Runs <paramref name="run"/>(worker, chunk, first key, end key) over <paramref name="keys"/> keys, <see cref="ChunkKeys"/> a chunk.</summary>
    public static void RunKeys<TWorker>(int keys, Func<TWorker> worker, Action<TWorker, int, int, int> run) where TWorker : IDisposable =>
        Run(Of(keys), worker, (w, c) => run(w, c, c * ChunkKeys, Math.Min(keys, (c + 1) * ChunkKeys)));

    /// <summary>Runs chunks 0 to <paramref name="chunks"/> − 1, each once, on the caller's thread and a pool thread.</summary>
    private static void Run<TWorker>(int chunks, Func<TWorker> worker, Action<TWorker, int> run) where TWorker : IDisposable
    {
        if (chunks <= 0)
            return;
        var shared = new SharedChunks(chunks);
        _ = Task.Run(() => shared.Take(worker, run));
        shared.Take(worker, run);
        shared._finished.Task.GetAwaiter().GetResult();
    }

    private void Take<TWorker>(Func<TWorker> create, Action<TWorker, int> run) where TWorker : IDisposable
    {
        TWorker? worker = default;
        try
        {
            for (var c = Interlocked.Increment(ref _next) - 1; c < _chunks; c = Interlocked.Increment(ref _next) - 1)
            {
                worker ??= create();
                run(worker, c);
                if (Interlocked.Increment(ref _done) == _chunks)
                    _finished.TrySetResult();
            }
        }
        catch (Exception e)
        {
            _finished.TrySetException(e); // the other thread waits for every chunk: it would wait for ever
            throw;
        }
        finally
        {
            worker?.Dispose();
        }
    }
}
