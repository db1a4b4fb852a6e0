namespace TagCenter.Core.Activation;

/// <summary>One arm of an experiment: a share of the segment and the action its persons get.</summary>
public sealed record ExperimentArm(string Name, decimal Percent, IReadOnlyList<TriggerAction> Actions);

/// <summary>What counts as converting: an event of <see cref="Event"/> within <see cref="Within"/> after assignment, or <see cref="Tag"/> reaching <see cref="Value"/>.</summary>
public sealed record ExperimentGoal(string? Event, TimeSpan Within, string? Tag, string? Value)
{
    public override string ToString() => Event is not null ? $"{Event} within {Within.TotalDays:0.#}d" : $"{Tag} = {Value}";
}

/// <summary>
/// An A/B experiment (<c>experiments/*.yaml</c>): a segment split into arms and a holdout by a hash of person and
/// experiment, so a person stays in one arm as the segment grows; a goal; the minimum detectable effect the team
/// cares about (absolute, e.g. 0.02 = two percentage points), for the sample size needed.
/// </summary>
public sealed record ExperimentDefinition
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public required string Segment { get; init; }

    public required IReadOnlyList<ExperimentArm> Arms { get; init; }

    public decimal Holdout { get; init; }

    public required ExperimentGoal Goal { get; init; }

    /// <summary>When assignment starts (members at this date are assigned then); null: when each person entered the segment.</summary>
    public DateTime? Start { get; init; }

    public decimal MinimumDetectableEffect { get; init; } = 0.02m;

    public required string File { get; init; }
}
