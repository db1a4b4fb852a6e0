using TagCenter.DuckDb.Activation;
using TagCenter.DuckDb.Realtime;
using TagCenter.Server.Realtime;

namespace TagCenter.Server.Activation;

/// <summary>
/// Triggers on the real-time path: each committed batch's <see cref="RealtimeOutcome.Changes"/> go through the
/// <see cref="TriggerEngine"/> (consent, cap, quiet hours, idempotent keys) into the outbox, and the dispatcher is
/// woken so the webhook leaves at once. A change handed in again (a batch run reading the same history) enqueues nothing.
/// </summary>
public sealed class RealtimeTriggers(ActivationState state) : IRealtimeChangesListener
{
    /// <summary>What the last batch enqueued (tests, diagnostics).</summary>
    public EnqueueReport? Last { get; private set; }

    public async ValueTask OnChangesAsync(RealtimeOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Changes.Count == 0 || !state.Declared)
            return;
        var activation = await state.CurrentAsync(cancellationToken).ConfigureAwait(false);
        // Changes may carry tag codes (the index's names) or names: triggers are written with names.
        var names = activation.Catalog?.Tags.ToDictionary(t => t.Code, t => t.Name) ?? [];
        var report = activation.Engine().OnChanges(outcome.Changes, code => names.GetValueOrDefault(code, code));
        Last = report;
        if (report.Enqueued > 0)
            OutboxSignal.Pulse(state.Root);
    }
}
