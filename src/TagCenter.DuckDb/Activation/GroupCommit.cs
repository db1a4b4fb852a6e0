using System.Threading.Channels;

namespace TagCenter.DuckDb.Activation;

/// <summary>
/// Status writes of many deliveries (delivered, attempt rows, retries, dead letters) in one SQLite transaction:
/// writes queue up, and every <see cref="DispatchOptions.CommitEvery"/> (or as soon as the previous commit is done,
/// when zero) all that queued commits at once. Each write's task completes when it is durable. A commit runs under
/// <c>gate</c>, with each write's <c>committed</c> callback, so a scan of the outbox under the same gate sees a
/// delivery either still pending and in flight, or done.
/// </summary>
internal sealed class GroupCommit(IActivationStore store, Lock gate, TimeSpan every, TimeProvider time)
{
    private const int MaxBatch = 4096;
    private readonly Channel<Write> _writes = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Transactions committed (diagnostics, the bench).</summary>
    public int Commits { get; private set; }

    /// <summary>Queues <paramref name="work"/> (calls on the store); completes when it is committed.</summary>
    public Task Add(Action work, Action? committed = null)
    {
        var write = new Write(work, committed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_writes.Writer.TryWrite(write))
        {
            // After shutdown: nothing is left to batch with.
            Commit([write]);
        }
        return write.Done.Task;
    }

    /// <summary>Commits until <see cref="Complete"/> is called and everything queued is written.</summary>
    public async Task RunAsync()
    {
        var batch = new List<Write>();
        while (await _writes.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            if (every > TimeSpan.Zero)
                await Task.Delay(every, time).ConfigureAwait(false);
            while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var write))
                batch.Add(write);
            Commit(batch);
            batch.Clear();
        }
    }

    /// <summary>No more writes: <see cref="RunAsync"/> returns once the queued ones are committed.</summary>
    public void Complete() => _writes.Writer.TryComplete();

    private void Commit(List<Write> batch)
    {
        Exception? failure = null;
        lock (gate)
        {
            try
            {
                store.Batch(() =>
                {
                    foreach (var write in batch)
                        write.Work();
                });
                Commits++;
            }
            catch (Exception e)
            {
                // Rolled back: those deliveries stay pending in the outbox and go again (same delivery id).
                failure = e;
            }
            foreach (var write in batch)
                write.Committed?.Invoke();
        }
        foreach (var write in batch)
            if (failure is null)
                write.Done.TrySetResult();
            else
                write.Done.TrySetException(failure);
    }

    private sealed record Write(Action Work, Action? Committed, TaskCompletionSource Done);
}
