using TagCenter.Core.Activation;

namespace TagCenter.DuckDb.Activation;

/// <summary>
/// The JSON shapes of activation, shared by the CLI's <c>--json</c> (trigger list|show|deliveries, experiment show,
/// tag evaluate, review) and <c>/api/v1/triggers|deliveries|experiments|activation</c>, so both answer alike.
/// </summary>
public static class ActivationJson
{
    /// <summary>Per trigger name, its deliveries counted per status.</summary>
    public static Dictionary<string, Dictionary<string, long>> CountsPerTrigger(IActivationStore store) =>
        store.CountsByTrigger().ToDictionary(c => c.Key, c => DeliveryStatus.Complete(c.Value));

    public static object TriggerRow(TriggerDefinition trigger, IReadOnlyDictionary<string, long> counts) => new
    {
        name = trigger.Name,
        when = TriggerText.When(trigger.When),
        kind = trigger.When.Kind,
        actions = trigger.Actions.Select(TriggerText.Action).ToList(),
        cap = TriggerText.Cap(trigger.Cap),
        quiet_hours = TriggerText.Quiet(trigger.QuietHours),
        consent = trigger.Consent,
        file = trigger.File,
        deliveries = DeliveryStatus.Complete(counts),
    };

    /// <summary>A trigger in full with its <paramref name="recent"/> deliveries and, when given, its counts per status.</summary>
    public static object TriggerShow(TriggerDefinition trigger, IReadOnlyList<OutboxItem> recent, IReadOnlyDictionary<string, long>? counts = null) => new
    {
        name = trigger.Name,
        description = trigger.Description,
        when = TriggerText.When(trigger.When),
        actions = trigger.Actions,
        cap = TriggerText.Cap(trigger.Cap),
        quiet_hours = TriggerText.Quiet(trigger.QuietHours),
        consent = trigger.Consent,
        file = trigger.File,
        counts = DeliveryStatus.Complete(counts),
        deliveries = recent.Select(i => Delivery(i)).ToList(),
    };

    /// <summary>One delivery; <paramref name="attempts"/> (each try's outcome and latency) when asked for one delivery.</summary>
    public static object Delivery(OutboxItem i, IReadOnlyList<(int Attempt, bool Ok, double LatencyMs, string? Error, DateTimeOffset At)>? attempts = null) => new
    {
        id = i.Id,
        delivery_id = i.DeliveryId,
        trigger = i.Trigger,
        person = i.Person,
        occurrence = i.Occurrence,
        destination = i.Destination,
        status = i.Status,
        attempts = i.Attempts,
        latency_ms = i.LatencyMs,
        due_at = i.DueAt,
        delivered_at = i.DeliveredAt,
        error = i.LastError,
        tries = attempts?.Select(a => new { attempt = a.Attempt, ok = a.Ok, latency_ms = a.LatencyMs, error = a.Error, at = a.At }).ToList(),
    };

    public static object Experiment(ExperimentResult r) => new
    {
        name = r.Experiment.Name,
        segment = r.Experiment.Segment,
        goal = r.Experiment.Goal.ToString(),
        members = r.Members,
        assigned_at = r.AssignedAt,
        sample_size_needed = r.SampleSizeNeeded,
        mde = r.Experiment.MinimumDetectableEffect,
        arms = r.Arms.Select(a => new
        {
            arm = a.Arm,
            percent = a.Percent,
            assigned = a.Counts.Assigned,
            converted = a.Counts.Converted,
            conversion = a.Counts.Rate,
            lift = a.VsHoldout?.Lift,
            relative_lift = a.VsHoldout is { RelativeLift: var rl } && double.IsFinite(rl) ? rl : (double?)null,
            ci_low = a.VsHoldout?.Low,
            ci_high = a.VsHoldout?.High,
            p_value = a.VsHoldout?.PValue,
        }).ToList(),
    };

    public static object TagEvaluation(TagEvaluationResult r) => new
    {
        tag = r.Tag.Name,
        code = r.Tag.Code,
        usage = new
        {
            total = r.Usage.Total,
            segments = r.Usage.Segments,
            triggers = r.Usage.Triggers,
            experiments = r.Usage.Experiments,
            tags = r.Usage.Tags,
            api_reads = r.Usage.Audit.Reads,
            exports = r.Usage.Audit.Exports,
            last_used = r.Usage.Audit.Last,
        },
        coverage = r.Coverage.Select(c => new { seq = c.Seq, as_of = c.AsOf, persons = c.Persons, share = c.Share }).ToList(),
        stability_flip_share = r.Stability,
        contribution = r.Contribution.Select(c => new { value = c.Value, with = c.With.Assigned, with_rate = c.With.Rate, without = c.Without.Assigned, without_rate = c.Without.Rate, lift = c.Lift }).ToList(),
    };

    public static object Review(int unusedDays, double minCoverage, IReadOnlyList<ReviewCandidate> candidates) => new
    {
        unused_days = unusedDays,
        min_coverage = minCoverage,
        candidates = candidates.Select(c => new { kind = c.Kind, name = c.Name, reasons = c.Reasons, file = c.File, deprecate = c.Deprecate }).ToList(),
    };
}
