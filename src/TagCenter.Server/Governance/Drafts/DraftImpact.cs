using TagCenter.DuckDb.Tags;

namespace TagCenter.Server.Governance.Drafts;

/// <summary>
/// What publishing a draft would do, from the same plan as <c>tagcenter plan</c>: per tag, how many persons get a
/// different value (and from → to); per segment, its size before → after. <see cref="Blocked"/>: a removed tag is
/// still used, so it cannot be approved as is.
/// </summary>
internal sealed record DraftImpact(DateTime AsOf, bool Blocked, IReadOnlyList<DraftTagImpact> Tags, IReadOnlyList<DraftSegmentImpact> Segments)
{
    public static DraftImpact Of(TagPlan plan, Func<string, bool> visible) => new(plan.AsOf, plan.Blocked,
        [.. plan.Changes.Where(c => visible(c.Name)).Select(c => new DraftTagImpact(c.Action.ToString().ToLowerInvariant(), c.Code, c.Name, c.What, c.PersonsChanging,
            [.. c.Transitions.Select(t => new DraftTransition(t.From, t.To, t.Persons))], c.Dependents))],
        [.. plan.Segments.Select(s => new DraftSegmentImpact(s.Action.ToString().ToLowerInvariant(), s.Name, s.SizeBefore, s.SizeAfter))]);
}

internal sealed record DraftTagImpact(string Action, string Code, string Name, IReadOnlyList<string> What, long? PersonsChanging,
    IReadOnlyList<DraftTransition> Transitions, IReadOnlyList<string> Dependents);

internal sealed record DraftTransition(string? From, string? To, long Persons);

internal sealed record DraftSegmentImpact(string Action, string Name, long? SizeBefore, long? SizeAfter);
