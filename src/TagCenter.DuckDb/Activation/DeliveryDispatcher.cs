using System.Collections.Concurrent;
using System.Diagnostics;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using TagCenter.Core.Activation;

namespace TagCenter.DuckDb.Activation;

/// <summary>
/// Delivers what is due in the outbox. Each destination (webhook host, drop folder, task queue) is worked on by its
/// own task with its own bounded parallelism and its own Polly pipeline (retry with exponential backoff and
/// jitter, circuit breaker, timeout), so a destination that fails or hangs never slows the others. A delivery that
/// fails every attempt becomes a dead letter; one whose destination's circuit is open waits for the next dispatch.
/// Every attempt is logged with its latency.
/// </summary>
public sealed class DeliveryDispatcher
{
    private readonly IActivationStore _store;
    private readonly IReadOnlyDictionary<ActionKind, IDeliveryChannel> _channels;
    private readonly TimeProvider _time;
    private readonly DispatchOptions _options;
    private readonly ConcurrentDictionary<string, ResiliencePipeline> _pipelines = new();

    public DeliveryDispatcher(IActivationStore store, IReadOnlyDictionary<ActionKind, IDeliveryChannel> channels, TimeProvider time, DispatchOptions? options = null)
    {
        _store = store;
        _channels = channels;
        _time = time;
        _options = options ?? new DispatchOptions();
    }

    /// <summary>The usual channels: webhooks over <paramref name="http"/>, files under the workspace, tasks and messages in the store.</summary>
    public static IReadOnlyDictionary<ActionKind, IDeliveryChannel> Channels(IActivationStore store, string workspaceRoot, HttpClient http, TimeProvider time,
        Func<string, string?>? secret = null)
    {
        var stored = new StoreChannel(store);
        return new Dictionary<ActionKind, IDeliveryChannel>
        {
            [ActionKind.Webhook] = new WebhookChannel(http, time, secret),
            [ActionKind.File] = new FileChannel(workspaceRoot, time),
            [ActionKind.Task] = stored,
            [ActionKind.Message] = stored,
        };
    }

    /// <summary>Delivers everything due now; returns when every destination is done with its share.</summary>
    public async Task<DispatchReport> DispatchAsync(CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var due = _store.Due(_time.GetUtcNow(), _options.BatchLimit);
        var reports = await Task.WhenAll(due.GroupBy(i => i.Destination)
            .Select(g => Task.Run(() => DestinationAsync(g.Key, [.. g], cancellationToken), cancellationToken))).ConfigureAwait(false);
        return new DispatchReport(reports.Sum(r => r.Delivered), reports.Sum(r => r.Deferred), reports.Sum(r => r.Dead),
            [.. reports.OrderBy(r => r.Destination, StringComparer.Ordinal)], watch.Elapsed);
    }

    private async Task<DestinationReport> DestinationAsync(string destination, List<OutboxItem> items, CancellationToken cancellationToken)
    {
        var pipeline = _pipelines.GetOrAdd(destination, _ => Build());
        var channel = _channels[items[0].Action.Kind];
        int delivered = 0, deferred = 0, dead = 0, attempts = 0;
        double latency = 0;
        var batches = items.Chunk(Math.Max(1, channel.BatchSize)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = _options.PerDestination, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                var outcome = await DeliverAsync(pipeline, channel, batch, token).ConfigureAwait(false);
                Interlocked.Add(ref attempts, outcome.Attempts);
                switch (outcome.Result)
                {
                    case DeliveryResult.Delivered:
                        Interlocked.Add(ref delivered, batch.Length);
                        lock (batches)
                            latency += outcome.LatencyMs * batch.Length;
                        break;
                    case DeliveryResult.Deferred: Interlocked.Add(ref deferred, batch.Length); break;
                    default: Interlocked.Add(ref dead, batch.Length); break;
                }
            }).ConfigureAwait(false);
        return new DestinationReport(destination, delivered, deferred, dead, attempts, delivered == 0 ? 0 : latency / delivered);
    }

    private enum DeliveryResult
    {
        Delivered,
        Deferred,
        Dead,
    }

    private async Task<(DeliveryResult Result, int Attempts, double LatencyMs)> DeliverAsync(ResiliencePipeline pipeline, IDeliveryChannel channel,
        OutboxItem[] batch, CancellationToken cancellationToken)
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
                    _store.Batch(() =>
                    {
                        foreach (var item in batch)
                        {
                            _store.LogAttempt(item.Id, previous + n, true, last, null, _time.GetUtcNow());
                            _store.Delivered(item.Id, previous + n, last, _time.GetUtcNow());
                        }
                    });
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    _store.Batch(() =>
                    {
                        foreach (var item in batch)
                            _store.LogAttempt(item.Id, previous + n, false, ms, e.Message, _time.GetUtcNow());
                    });
                    throw;
                }
            }, cancellationToken).ConfigureAwait(false);
            return (DeliveryResult.Delivered, attempt, last);
        }
        catch (BrokenCircuitException e) when (!cancellationToken.IsCancellationRequested)
        {
            // The destination is down: not this delivery's fault; it waits for the circuit to close.
            var total = previous + attempt;
            _store.Batch(() =>
            {
                foreach (var item in batch)
                    if (total >= _options.MaxAttempts)
                        _store.DeadLetter(item.Id, total, e.Message, _time.GetUtcNow());
                    else
                        _store.Retry(item.Id, total, e.Message, _time.GetUtcNow() + _options.BreakDuration);
            });
            return (total >= _options.MaxAttempts ? DeliveryResult.Dead : DeliveryResult.Deferred, attempt, 0);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var total = previous + attempt;
            var error = e is TimeoutRejectedException ? $"timed out after {_options.Timeout.TotalSeconds:0.#} s" : e.Message;
            _store.Batch(() =>
            {
                foreach (var item in batch)
                    if (total >= _options.MaxAttempts)
                        _store.DeadLetter(item.Id, total, error, _time.GetUtcNow());
                    else
                        _store.Retry(item.Id, total, error, _time.GetUtcNow() + _options.BaseDelay);
            });
            return (total >= _options.MaxAttempts ? DeliveryResult.Dead : DeliveryResult.Deferred, attempt, 0);
        }
    }

    private ResiliencePipeline Build() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(0, _options.MaxAttempts - 1),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _options.BaseDelay,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not BrokenCircuitException and not OperationCanceledException || e is TimeoutRejectedException),
        })
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = _options.FailureRatio,
            MinimumThroughput = 20,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = _options.BreakDuration,
        })
        .AddTimeout(_options.Timeout)
        .Build();
}
