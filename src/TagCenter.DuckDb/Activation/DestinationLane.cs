using System.Threading.Channels;

namespace TagCenter.DuckDb.Activation;

/// <summary>
/// One destination's queue in the <see cref="OutboxPump"/>: deliveries are handed in as they become due and taken,
/// in order, by <see cref="DispatchOptions.PerDestination"/> workers (its bulkhead; one worker keeps the
/// destination's order). A worker holds its slot until the delivery's status is committed, so at most that many
/// deliveries of a destination are ever sent but not yet recorded (what a crash can send twice).
/// </summary>
internal sealed class DestinationLane
{
    private readonly Channel<OutboxItem> _queue = Channel.CreateUnbounded<OutboxItem>();
    private readonly Courier _courier;
    private readonly Func<IReadOnlyList<OutboxItem>, Action, bool, Task> _record;
    private readonly Action<DeliveryResult, int> _done;
    private readonly Action<IReadOnlyList<OutboxItem>, Exception> _failed;

    public DestinationLane(Courier courier, Func<IReadOnlyList<OutboxItem>, Action, bool, Task> record, Action<DeliveryResult, int> done,
        Action<IReadOnlyList<OutboxItem>, Exception> failed)
    {
        _courier = courier;
        _record = record;
        _done = done;
        _failed = failed;
    }

    public void Add(OutboxItem item) => _queue.Writer.TryWrite(item);

    /// <summary>Workers until <paramref name="stop"/> (take nothing new); a send in flight runs on until <paramref name="abort"/>.</summary>
    public Task RunAsync(int workers, CancellationToken stop, CancellationToken abort) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, workers)).Select(_ => Task.Run(() => WorkAsync(stop, abort), CancellationToken.None)));

    private async Task WorkAsync(CancellationToken stop, CancellationToken abort)
    {
        var batch = new List<OutboxItem>(_courier.BatchSize);
        while (true)
        {
            try
            {
                if (!await _queue.Reader.WaitToReadAsync(stop).ConfigureAwait(false))
                    return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            batch.Clear();
            while (batch.Count < _courier.BatchSize && _queue.Reader.TryRead(out var item))
                batch.Add(item);
            if (batch.Count == 0)
                continue;
            var items = batch.ToArray();
            try
            {
                var outcome = await _courier.DeliverAsync(items, (work, final) => _record(items, work, final), abort).ConfigureAwait(false);
                _done(outcome.Result, items.Length);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                return; // cut short at shutdown: still pending, sent again on the next start with the same delivery id
            }
            catch (Exception e)
            {
                _failed(items, e);
            }
        }
    }
}
