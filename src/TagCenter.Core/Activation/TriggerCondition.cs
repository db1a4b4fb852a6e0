namespace TagCenter.Core.Activation;

/// <summary>What makes a trigger fire.</summary>
public enum TriggerKind
{
    /// <summary>A person enters a segment.</summary>
    Enters,

    /// <summary>A person leaves a segment.</summary>
    Leaves,

    /// <summary>A rule becomes true for a person (true now, not at the previous run).</summary>
    Rule,

    /// <summary>A number tag goes from below a value to at or above it.</summary>
    Crosses,

    /// <summary>A segment grows or shrinks by more than a percentage between two evaluations.</summary>
    SizeChange,

    /// <summary>A segment is pushed on a cron schedule, in full or as the entered/left delta.</summary>
    Schedule,
}

/// <summary>How a scheduled push sends a segment.</summary>
public enum PushMode
{
    Full,
    Delta,
}

/// <summary>
/// The <c>when:</c> of a trigger. Only the fields of its <see cref="Kind"/> are set: <see cref="Segment"/> for
/// enters/leaves/size_change/schedule, <see cref="Rule"/> (with its place in the file) for rule, <see cref="Tag"/> and
/// <see cref="Threshold"/> for crosses, <see cref="Percent"/> for size_change, <see cref="Cron"/> and <see cref="Mode"/> for schedule.
/// </summary>
public sealed record TriggerCondition
{
    public required TriggerKind Kind { get; init; }

    public string? Segment { get; init; }

    public string? Rule { get; init; }

    public int RuleLine { get; init; } = 1;

    public int RuleColumn { get; init; } = 1;

    public string? Tag { get; init; }

    public decimal? Threshold { get; init; }

    public decimal? Percent { get; init; }

    public string? Cron { get; init; }

    public PushMode Mode { get; init; } = PushMode.Full;

    /// <summary>Whether an occurrence concerns one person (else the whole segment: size alerts, pushes).</summary>
    public bool PerPerson => Kind is TriggerKind.Enters or TriggerKind.Leaves or TriggerKind.Rule or TriggerKind.Crosses;
}
