using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Segments;

namespace TagCenter.DuckDb.Tags;

public enum TagChangeAction
{
    Added,
    Changed,
    Removed,

    /// <summary>Only <c>deprecated:</c> was added: the tag keeps being computed; its users get a warning.</summary>
    Deprecated,
}

/// <summary>Where the as-of time of a plan came from.</summary>
public enum PlanAsOfSource
{
    /// <summary>Given by the caller (<c>--as-of</c>).</summary>
    Given,

    /// <summary>The as-of of the latest published snapshot (the last successful tag run).</summary>
    Snapshot,

    /// <summary>No snapshot yet: the current time.</summary>
    Now,
}

/// <summary>One tag's change between the published catalog and the files, with its impact on real data.</summary>
public sealed record TagChange(TagChangeAction Action, string Code, string Name, TagDefinition? Before, TagDefinition? After, IReadOnlyList<string> What)
{
    /// <summary>Persons whose value would change (null when it could not be computed), old and new rule both as of the plan's as-of.</summary>
    public long? PersonsChanging { get; init; }

    /// <summary>The most common old → new transitions.</summary>
    public IReadOnlyList<(string? From, string? To, long Persons)> Transitions { get; init; } = [];

    /// <summary>Tags (still in the files or published) and segments that use a removed tag: the removal is refused while they exist.</summary>
    public IReadOnlyList<string> Dependents { get; init; } = [];
}

/// <summary>The changes, and the as-of time at which old and new rules were both computed to measure them.</summary>
public sealed record TagPlan(IReadOnlyList<TagChange> Changes)
{
    public DateTime AsOf { get; init; }

    public PlanAsOfSource AsOfSource { get; init; }

    /// <summary>Segments that are new, changed, removed or read a changed tag, with their size before → after.</summary>
    public IReadOnlyList<SegmentChange> Segments { get; init; } = [];

    public bool Blocked => Changes.Any(c => c.Dependents.Count > 0);
}

/// <summary>How to plan: the as-of time (null: the as-of of the latest snapshot, else now from <paramref name="Time"/>).</summary>
/// <param name="Declared">
/// What the workspace declares rules may read (<see cref="DeclaredSchema"/>): before identity has built the model,
/// every rule in the files is checked against it, so a broken rule is refused before it is published.
/// </param>
/// <param name="Segments">The segments in the files (and inline board crowds): they are planned too, and block removing a tag they use.</param>
public sealed record TagPlanOptions(DateTime? AsOf, TimeProvider Time, ModelSchema? Declared = null, IReadOnlyList<SegmentDefinition>? Segments = null);
