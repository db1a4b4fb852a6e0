using System.Collections.Concurrent;
using System.Diagnostics;
using Polly;
using TagCenter.Core.Activation;

namespace TagCenter.DuckDb.Activation;

/// <summary>
/// Delivers what is due in the outbox, once: the CLI's in-line dispatch after a run when no server works the outbox
/// (a server runs the <see cref="OutboxPump"/> instead). Each destination (webhook host, drop folder, task queue) is worked on by its
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
        var courier = new Courier(_store, _channels[items[0].Action.Kind], _pipelines.GetOrAdd(destination, _ => DestinationPipeline.Build(_options)), _options, _time);
        int delivered = 0, deferred = 0, dead = 0, attempts = 0;
        double latency = 0;
        var batches = items.Chunk(courier.BatchSize).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = _options.PerDestination, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                var outcome = await courier.DeliverAsync(batch, Commit, token).ConfigureAwait(false);
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

    /// <summary>A one-off dispatch writes each batch's status at once, in one transaction.</summary>
    private Task Commit(Action work, bool final)
    {
        _store.Batch(work);
        return Task.CompletedTask;
    }
}
