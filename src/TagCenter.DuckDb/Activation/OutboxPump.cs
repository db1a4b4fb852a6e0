using System.Collections.Concurrent;
using Polly;
using TagCenter.Core.Activation;

namespace TagCenter.DuckDb.Activation;

/// <summary>
/// Works a workspace's outbox continuously (<c>tagcenter serve</c>): a delivery that becomes pending in the store
/// (<see cref="SqlActivationStore.Pending"/>) is handed straight to its destination's <see cref="DestinationLane"/>,
/// so a webhook leaves as soon as its occurrence is committed. A sweep of the outbox finds the rest: what is pending
/// at start (a crash or a stop left it), what another connection enqueued (a run, the CLI; <see cref="Wake"/>), and
/// what falls due later (quiet hours, a retry after an open circuit). Status writes go through one
/// <see cref="GroupCommit"/>. A delivery is in at most one lane at a time (the in-flight set, released when its
/// final status commits), so this process sends each key once; a crash may send again what was in flight, with the
/// same delivery id for the receiver to dedupe.
/// </summary>
public sealed class OutboxPump
{
    private readonly SqlActivationStore _store;
    private readonly IReadOnlyDictionary<ActionKind, IDeliveryChannel> _channels;
    private readonly TimeProvider _time;
    private readonly DispatchOptions _options;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<long, byte> _inFlight = new();
    private readonly ConcurrentDictionary<string, DestinationLane> _lanes = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Task> _running = [];
    private readonly GroupCommit _commit;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationToken _stop = CancellationToken.None;
    private CancellationToken _abort = CancellationToken.None;
    private int _delivered, _deferred, _dead, _sweeps;

    public OutboxPump(SqlActivationStore store, IReadOnlyDictionary<ActionKind, IDeliveryChannel> channels, TimeProvider time, DispatchOptions? options = null)
    {
        _store = store;
        _channels = channels;
        _time = time;
        _options = options ?? new DispatchOptions();
        _commit = new GroupCommit(store, _gate, _options.CommitEvery, time);
    }

    public int Delivered => Volatile.Read(ref _delivered);

    public int Deferred => Volatile.Read(ref _deferred);

    public int Dead => Volatile.Read(ref _dead);

    /// <summary>Sweeps of the outbox so far, and status transactions committed (diagnostics, the bench).</summary>
    public int Sweeps => Volatile.Read(ref _sweeps);

    public int Commits => _commit.Commits;

    /// <summary>Something failed outside a delivery (a status commit, a channel bug); the delivery stays pending.</summary>
    public event Action<Exception>? Failed;

    /// <summary>Something may be pending that the store did not announce (another connection enqueued it): sweep now.</summary>
    public void Wake() => Interlocked.Exchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>
    /// Runs until <paramref name="stop"/>: then takes nothing new, lets the sends in flight finish (until
    /// <paramref name="abort"/>), commits their status, and returns. What was not sent stays pending for the next start.
    /// </summary>
    public async Task RunAsync(CancellationToken stop, CancellationToken abort = default)
    {
        (_stop, _abort) = (stop, abort);
        var committing = Task.Run(_commit.RunAsync, CancellationToken.None);
        _store.Pending += Offer;
        try
        {
            await SweepLoopAsync(stop).ConfigureAwait(false);
        }
        finally
        {
            _store.Pending -= Offer;
            await Task.WhenAll(_running).ConfigureAwait(false);
            _commit.Complete();
            await committing.ConfigureAwait(false);
        }
    }

    private void Offer(OutboxItem item)
    {
        if (_stop.IsCancellationRequested)
            return;
        if (item.DueAt > _time.GetUtcNow())
        {
            Wake(); // the sweep sleeps until the earliest due time; this one may be earlier
            return;
        }
        if (_inFlight.TryAdd(item.Id, 0))
            Lane(item).Add(item);
    }

    private async Task SweepLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var wake = Volatile.Read(ref _wake).Task;
            var full = false;
            try
            {
                full = Sweep();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed?.Invoke(e);
            }
            var wait = full ? TimeSpan.FromMilliseconds(50) : _options.Idle;
            var now = _time.GetUtcNow();
            if (_store.NextDueAfter(now) is { } next)
                wait = TimeSpan.FromTicks(Math.Clamp((next - now).Ticks, 0, wait.Ticks));
            using var sleep = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var delay = Task.Delay(wait, _time, sleep.Token);
            await Task.WhenAny(wake, delay).ConfigureAwait(false);
            await sleep.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Hands what is due and not in flight to its lane; whether the outbox had more due than one look takes.</summary>
    private bool Sweep()
    {
        Interlocked.Increment(ref _sweeps);
        lock (_gate)
        {
            var due = _store.Due(_time.GetUtcNow(), _options.BatchLimit);
            foreach (var item in due)
                if (_inFlight.TryAdd(item.Id, 0))
                    Lane(item).Add(item);
            return due.Count >= _options.BatchLimit;
        }
    }

    private DestinationLane Lane(OutboxItem item) => _lanes.GetOrAdd(item.Destination, _ =>
    {
        var courier = new Courier(_store, _channels[item.Action.Kind], DestinationPipeline.Build(_options), _options, _time);
        var lane = new DestinationLane(courier, Record, Count, Release);
        _running.Add(lane.RunAsync(_options.PerDestination, _stop, _abort));
        return lane;
    });

    private Task Record(IReadOnlyList<OutboxItem> items, Action work, bool final) =>
        final ? _commit.Add(work, () => Release(items)) : _commit.Add(work);

    private void Release(IReadOnlyList<OutboxItem> items)
    {
        foreach (var item in items)
            _inFlight.TryRemove(item.Id, out _);
    }

    private void Release(IReadOnlyList<OutboxItem> items, Exception e)
    {
        Release(items); // still pending: the next sweep takes it again
        Failed?.Invoke(e);
    }

    private void Count(DeliveryResult result, int items)
    {
        switch (result)
        {
            case DeliveryResult.Delivered: Interlocked.Add(ref _delivered, items); break;
            case DeliveryResult.Deferred: Interlocked.Add(ref _deferred, items); Wake(); break;
            default: Interlocked.Add(ref _dead, items); break;
        }
    }
}
