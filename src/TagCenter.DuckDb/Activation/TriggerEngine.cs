using System.Text.Json;
using TagCenter.Core.Activation;

namespace TagCenter.DuckDb.Activation;

/// <summary>
/// Turns changes to persons into deliveries in the outbox. The one entry point for both paths: a batch run hands
/// in the changes it recorded (<see cref="TriggerBatch"/>), the server's real-time path the changes of one person
/// after an event (<see cref="OnChanges"/>). For each occurrence it applies consent, the frequency cap and quiet hours
/// (<see cref="DeliveryPolicy"/>) and enqueues one delivery per action under the key (trigger, person, occurrence,
/// action), so handing in the same changes again enqueues nothing.
/// </summary>
public sealed class TriggerEngine
{
    private readonly IReadOnlyList<TriggerDefinition> _triggers;
    private readonly IReadOnlyList<ExperimentDefinition> _experiments;
    private readonly IActivationStore _store;
    private readonly TimeZoneInfo _zone;
    private readonly TimeProvider _time;

    public TriggerEngine(IReadOnlyList<TriggerDefinition> triggers, IReadOnlyList<ExperimentDefinition> experiments, IActivationStore store,
        TimeZoneInfo zone, TimeProvider time)
    {
        _triggers = triggers;
        _experiments = experiments;
        _store = store;
        _zone = zone;
        _time = time;
    }

    public IReadOnlyList<TriggerDefinition> Triggers => _triggers;

    public IReadOnlyList<ExperimentDefinition> Experiments => _experiments;

    public IActivationStore Store => _store;

    /// <summary>
    /// The seam of the real-time path: changes to persons (entered/left a segment, a tag value changed; a rule trigger's
    /// rule is the segment <see cref="TriggerOccurrences.RuleSegment"/>) → occurrences → deliveries enqueued.
    /// <paramref name="tagName"/> maps a tag code to its name when changes carry codes.
    /// </summary>
    public EnqueueReport OnChanges(IReadOnlyList<PersonChange> changes, Func<string, string>? tagName = null)
    {
        var byName = _triggers.ToDictionary(t => t.Name);
        var report = EnqueueReport.Empty;
        // One transaction for the lot: a run's thousands of occurrences cost one commit.
        _store.Batch(() =>
        {
            foreach (var occurrence in TriggerOccurrences.Decide(_triggers, changes, tagName))
                report = report.Plus(Enqueue(byName[occurrence.Trigger], occurrence));
            foreach (var (trigger, occurrence) in ExperimentOccurrences.Decide(_experiments, changes))
                report = report.Plus(Enqueue(trigger, occurrence));
        });
        return report;
    }

    /// <summary>One occurrence through the policy into the outbox; <paramref name="data"/> goes into the payload.</summary>
    public EnqueueReport Enqueue(TriggerDefinition trigger, Occurrence occurrence, IReadOnlyDictionary<string, object?>? data = null)
    {
        var now = _time.GetUtcNow();
        var optedOut = trigger.Consent is { } category && occurrence.Person.Length > 0 && _store.OptedOut(occurrence.Person, category);
        var earlier = trigger.Cap is null || occurrence.Person.Length == 0 ? [] : _store.DeliveryTimes(trigger.Name, occurrence.Person);
        var decision = DeliveryPolicy.Decide(trigger, occurrence, optedOut, earlier, _zone, now);
        var payload = new Dictionary<string, object?>
        {
            ["trigger"] = trigger.Name,
            ["person"] = occurrence.Person,
            ["occurrence"] = occurrence.Id,
            ["occurred_at"] = occurrence.At,
            ["detail"] = occurrence.Detail,
        };
        foreach (var (k, v) in data ?? new Dictionary<string, object?>())
            payload[k] = v;
        var json = JsonSerializer.Serialize(payload);
        OutboxItem Item(int index, string status) => new()
        {
            Key = occurrence.Key(index),
            Trigger = trigger.Name,
            Person = occurrence.Person,
            Occurrence = occurrence.Id,
            Action = trigger.Actions[index],
            Payload = json,
            CreatedAt = now,
            DueAt = decision.DueAt,
            Status = status,
        };
        if (decision.Outcome != PolicyOutcome.Enqueue)
        {
            // A skip is logged once per occurrence, under its first action's key, so a re-evaluation finds it.
            var status = decision.Outcome == PolicyOutcome.SkippedCap ? DeliveryStatus.SkippedCap : DeliveryStatus.SkippedConsent;
            if (trigger.Actions.Count == 0 || !_store.Enqueue(Item(0, status)))
                return new EnqueueReport(1, 0, 1, 0, 0, 0);
            return new EnqueueReport(1, 0, 0, status == DeliveryStatus.SkippedCap ? 1 : 0, status == DeliveryStatus.SkippedConsent ? 1 : 0, 0);
        }
        var added = 0;
        for (var i = 0; i < trigger.Actions.Count; i++)
            if (_store.Enqueue(Item(i, DeliveryStatus.Pending)))
                added++;
        var delayed = added > 0 && decision.DueAt > (occurrence.At > now ? occurrence.At : now) ? added : 0;
        return new EnqueueReport(1, added, added == 0 ? 1 : 0, 0, 0, delayed);
    }
}
