namespace TagCenter.Core.Activation;

/// <summary>What happened to one person.</summary>
public enum ChangeKind
{
    /// <summary>Entered the segment <see cref="PersonChange.Name"/>.</summary>
    Entered,

    /// <summary>Left the segment <see cref="PersonChange.Name"/>.</summary>
    Left,

    /// <summary>The tag <see cref="PersonChange.Name"/> went from <see cref="PersonChange.Before"/> to <see cref="PersonChange.After"/>.</summary>
    TagChanged,
}

/// <summary>
/// One change to one person, from a batch run (segment history, tag history) or from the real-time path (the
/// server re-evaluating a person after an event). <see cref="Occurrence"/> identifies the change for idempotency:
/// the segment evaluation or tag run in batch, the event id in real time; the same change sent twice has the same
/// occurrence, so it is never delivered twice. A rule trigger's rule is a segment named <see cref="TriggerOccurrences.RuleSegment"/>.
/// </summary>
public sealed record PersonChange(string Person, ChangeKind Kind, string Name, string? Before, string? After, DateTimeOffset At, string Occurrence);
