using TagCenter.DuckDb.Activation;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Commands.Activation;

/// <summary>One evaluation of the triggers and experiments over what the last runs recorded, then one dispatch of what is due.</summary>
internal sealed record ActivationRun(BatchReport Evaluated, DispatchReport Dispatched)
{
    public static async Task<ActivationRun> ExecuteAsync(ActivationWorkspace activation, WorkspaceDatabase database, CancellationToken cancellationToken)
    {
        var evaluated = TriggerBatch.Evaluate(database, activation.Catalog, activation.Engine(), activation.Time, cancellationToken);
        var dispatched = await activation.Dispatcher().DispatchAsync(cancellationToken).ConfigureAwait(false);
        return new ActivationRun(evaluated, dispatched);
    }

    public object Json => new
    {
        rule_segments = Evaluated.RuleSegments,
        changes = Evaluated.Changes,
        occurrences = Evaluated.Enqueued.Occurrences,
        enqueued = Evaluated.Enqueued.Enqueued,
        duplicates = Evaluated.Enqueued.Duplicates,
        skipped_cap = Evaluated.Enqueued.SkippedCap,
        skipped_consent = Evaluated.Enqueued.SkippedConsent,
        delayed = Evaluated.Enqueued.Delayed,
        segment_alerts = Evaluated.SegmentAlerts,
        pushes = Evaluated.Pushes,
        delivered = Dispatched.Delivered,
        deferred = Dispatched.Deferred,
        dead = Dispatched.Dead,
        destinations = Dispatched.Destinations.Select(d => new { destination = d.Destination, delivered = d.Delivered, deferred = d.Deferred, dead = d.Dead, attempts = d.Attempts, mean_latency_ms = d.MeanLatencyMs }).ToList(),
    };
}
