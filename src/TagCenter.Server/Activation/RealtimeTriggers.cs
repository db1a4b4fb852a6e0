using TagCenter.DuckDb.Activation;
using TagCenter.DuckDb.Realtime;
using TagCenter.Server.Realtime;

namespace TagCenter.Server.Activation;

/// <summary>
/// Triggers on the real-time path: each committed batch's <see cref="RealtimeOutcome.Changes"/> go through the
/// <see cref="TriggerEngine"/> (consent, cap, quiet hours, idempotent keys) into the outbox of the server's one store,
/// which hands each delivery to the <see cref="OutboxPump"/> as it commits, so the webhook leaves at once. A change handed in again (a batch run reading the same history) enqueues nothing.
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
        // The server's one store announces each committed delivery to the outbox pump: no need to ring it.
        Last = activation.Engine().OnChanges(outcome.Changes, code => names.GetValueOrDefault(code, code));
    }
}
