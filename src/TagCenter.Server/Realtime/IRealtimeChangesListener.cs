using TagCenter.DuckDb.Realtime;

namespace TagCenter.Server.Realtime;

/// <summary>
/// Told what the real-time path changed after each batch of events (<see cref="RealtimeOutcome.Changes"/>: segment
/// entries and exits, tag values before and after), once it is committed and the index patched. Triggers are one
/// listener. A listener that throws is logged and does not stop the others or the consumer: a batch run hands the same
/// changes in again, and occurrences are idempotent.
/// </summary>
public interface IRealtimeChangesListener
{
    ValueTask OnChangesAsync(RealtimeOutcome outcome, CancellationToken cancellationToken);
}
