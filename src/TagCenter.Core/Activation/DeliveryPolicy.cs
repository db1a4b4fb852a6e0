namespace TagCenter.Core.Activation;

/// <summary>What happens to one occurrence.</summary>
public enum PolicyOutcome
{
    /// <summary>Enqueued, due at <see cref="PolicyDecision.DueAt"/> (later than the occurrence during quiet hours).</summary>
    Enqueue,

    /// <summary>Skipped: the person already had as many deliveries of this trigger as the cap allows.</summary>
    SkippedCap,

    /// <summary>Skipped: the person opted out of the trigger's consent category.</summary>
    SkippedConsent,
}

public sealed record PolicyDecision(PolicyOutcome Outcome, DateTimeOffset DueAt);

/// <summary>
/// Applies a trigger's consent category, frequency cap and quiet hours to one occurrence. Consent first (an
/// opted-out person is never contacted, and a skip does not use up the cap), then the cap over the deliveries
/// this person already got from this trigger, then quiet hours, which only delay.
/// </summary>
public static class DeliveryPolicy
{
    public static PolicyDecision Decide(TriggerDefinition trigger, Occurrence occurrence, bool optedOut,
        IEnumerable<DateTimeOffset> earlierDeliveries, TimeZoneInfo zone, DateTimeOffset now)
    {
        var due = occurrence.At > now ? occurrence.At : now;
        if (trigger.Consent is not null && optedOut)
            return new PolicyDecision(PolicyOutcome.SkippedConsent, due);
        if (trigger.Cap is { } cap && !cap.Allows(due, earlierDeliveries))
            return new PolicyDecision(PolicyOutcome.SkippedCap, due);
        return new PolicyDecision(PolicyOutcome.Enqueue, trigger.QuietHours?.Release(due, zone) ?? due);
    }
}
