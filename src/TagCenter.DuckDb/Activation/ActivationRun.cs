using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Activation;

/// <summary>
/// One evaluation of the triggers and experiments over what the last runs recorded, then (when no server dispatcher
/// works the outbox of this workspace) one dispatch of what is due: <see cref="Dispatched"/> is null when it was left
/// to that dispatcher.
/// </summary>
public sealed record ActivationRun(BatchReport Evaluated, DispatchReport? Dispatched)
{
    /// <summary>Evaluates, then dispatches in-line unless <see cref="OutboxSignal"/> says a dispatcher serves this workspace (it is woken instead).</summary>
    public static async Task<ActivationRun> ExecuteAsync(ActivationWorkspace activation, WorkspaceDatabase database, CancellationToken cancellationToken)
    {
        var evaluated = TriggerBatch.Evaluate(database, activation.Catalog, activation.Engine(), activation.Time, cancellationToken);
        if (OutboxSignal.Pulse(activation.Definition.Root))
            return new ActivationRun(evaluated, null);
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
        delivered = Dispatched?.Delivered ?? 0,
        deferred = Dispatched?.Deferred ?? 0,
        dead = Dispatched?.Dead ?? 0,
        destinations = (Dispatched?.Destinations ?? []).Select(d => new { destination = d.Destination, delivered = d.Delivered, deferred = d.Deferred, dead = d.Dead, attempts = d.Attempts, mean_latency_ms = d.MeanLatencyMs }).ToList(),
    };
}
