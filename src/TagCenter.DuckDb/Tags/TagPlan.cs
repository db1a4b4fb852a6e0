using TagCenter.Core.Tags;

namespace TagCenter.DuckDb.Tags;

public enum TagChangeAction
{
    Added,
    Changed,
    Removed,
}

/// <summary>One tag's change between the published catalog and the files, with its impact on real data.</summary>
public sealed record TagChange(TagChangeAction Action, string Code, string Name, TagDefinition? Before, TagDefinition? After, IReadOnlyList<string> What)
{
    /// <summary>Persons whose value would change (null when there is no earlier snapshot to compare with).</summary>
    public long? PersonsChanging { get; init; }

    /// <summary>The most common old → new transitions.</summary>
    public IReadOnlyList<(string? From, string? To, long Persons)> Transitions { get; init; } = [];

    /// <summary>Tags (still in the files or published) that use a removed tag: the removal is refused while they exist.</summary>
    public IReadOnlyList<string> Dependents { get; init; } = [];
}

public sealed record TagPlan(IReadOnlyList<TagChange> Changes)
{
    public bool Blocked => Changes.Any(c => c.Dependents.Count > 0);
}
