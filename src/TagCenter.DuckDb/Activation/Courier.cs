using System.Diagnostics;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace TagCenter.DuckDb.Activation;

internal enum DeliveryResult
{
    Delivered,
    Deferred,
    Dead,
}

internal readonly record struct CourierOutcome(DeliveryResult Result, int Attempts, double LatencyMs);

/// <summary>
/// Carries one batch of one destination through its pipeline and says how it went: delivered, deferred (the
/// destination's circuit is open: due again when it may close) or dead (every attempt failed). Every attempt is
/// recorded with its latency. Status writes go through <c>record</c> (the work, and whether it is the batch's final write), which decides when they commit: at once
/// (<see cref="DeliveryDispatcher"/>) or in the next group commit (<see cref="OutboxPump"/>); the final write is
/// awaited, so a batch counts as done only once its status is durable.
/// </summary>
internal sealed class Courier(IActivationStore store, IDeliveryChannel channel, ResiliencePipeline pipeline, DispatchOptions options, TimeProvider time)
{
    public int BatchSize => Math.Max(1, channel.BatchSize);

    public async Task<CourierOutcome> DeliverAsync(IReadOnlyList<OutboxItem> batch, Func<Action, bool, Task> record, CancellationToken cancellationToken)
    {
        var attempt = 0;
        var previous = batch.Max(i => i.Attempts);
        var last = 0.0;
        try
        {
            await pipeline.ExecuteAsync(async token =>
            {
                var n = ++attempt;
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await channel.DeliverAsync(batch, token).ConfigureAwait(false);
                    last = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    var at = time.GetUtcNow();
                    _ = record(() =>
                    {
                        foreach (var item in batch)
                            store.LogAttempt(item.Id, previous + n, false, ms, e.Message, at);
                    }, false);
                    throw;
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException e) when (!cancellationToken.IsCancellationRequested)
        {
            // The destination is down: not this delivery's fault; it waits for the circuit to close.
            return await GiveUpAsync(batch, previous + attempt, attempt, e.Message, options.BreakDuration, record).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var error = e is TimeoutRejectedException ? $"timed out after {options.Timeout.TotalSeconds:0.#} s" : e.Message;
            return await GiveUpAsync(batch, previous + attempt, attempt, error, options.BaseDelay, record).ConfigureAwait(false);
        }
        var total = previous + attempt;
        var now = time.GetUtcNow();
        await record(() =>
        {
            foreach (var item in batch)
            {
                store.LogAttempt(item.Id, total, true, last, null, now);
                store.Delivered(item.Id, total, last, now);
            }
        }, true).ConfigureAwait(false);
        return new CourierOutcome(DeliveryResult.Delivered, attempt, last);
    }

    private async Task<CourierOutcome> GiveUpAsync(IReadOnlyList<OutboxItem> batch, int total, int attempt, string error, TimeSpan wait, Func<Action, bool, Task> record)
    {
        var now = time.GetUtcNow();
        var dead = total >= options.MaxAttempts;
        await record(() =>
        {
            foreach (var item in batch)
                if (dead)
                    store.DeadLetter(item.Id, total, error, now);
                else
                    store.Retry(item.Id, total, error, now + wait);
        }, true).ConfigureAwait(false);
        return new CourierOutcome(dead ? DeliveryResult.Dead : DeliveryResult.Deferred, attempt, 0);
    }
}
