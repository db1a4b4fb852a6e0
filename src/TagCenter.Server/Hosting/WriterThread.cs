using System.Collections.Concurrent;

namespace TagCenter.Server.Hosting;

/// <summary>
/// A thread of its own that runs the workspace's writes one after another. A write (applying a batch of events,
/// re-evaluating its persons, a run) holds its thread for hundreds of milliseconds of engine work; on the thread pool
/// it would keep the pool's few threads from the requests and hand-offs whose latency is the feature, and the pool
/// would grow only slowly. The caller awaits a task completed off this thread. With a nice value above 0 the thread
/// runs that many nice steps below the thread that started it (Linux): when the cores are busy, requests, the log's
/// group commit and the live real-time path go first, and the engine work takes what is left.
/// </summary>
internal sealed class WriterThread : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread _thread;
    private readonly int _nice;

    public WriterThread(string name, int nice = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nice);
        _nice = nice;
        _thread = new Thread(Loop) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on this thread after the writes queued before it (as <c>Task.Run</c> would: cancelled before it starts, or by its own cancellation).</summary>
    public Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The caller's execution context flows as it would through Task.Run: the request's language for the messages
        // a write produces, its logging scope.
        var context = ExecutionContext.Capture();
        _work.Add(() =>
        {
            if (context is null)
                Write(work, done, cancellationToken);
            else
                ExecutionContext.Run(context, _ => Write(work, done, cancellationToken), null);
        }, CancellationToken.None);
        return done.Task;
    }

    private static void Write<T>(Func<T> work, TaskCompletionSource<T> done, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            done.TrySetCanceled(cancellationToken);
            return;
        }
        try
        {
            done.TrySetResult(work());
        }
        catch (OperationCanceledException e) when (e.CancellationToken == cancellationToken && cancellationToken.IsCancellationRequested)
        {
            done.TrySetCanceled(cancellationToken);
        }
        catch (Exception e)
        {
            done.TrySetException(e);
        }
    }

    private void Loop()
    {
        if (_nice > 0)
            ThreadNice.TryLower(_nice);   // where it is refused, the writes run at the usual priority
        foreach (var work in _work.GetConsumingEnumerable())
            work();
    }

    /// <summary>Finishes the writes already queued, then stops the thread.</summary>
    public void Dispose()
    {
        _work.CompleteAdding();
        _thread.Join();
        _work.Dispose();
    }
}
