using TagCenter.Core.Expressions;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;

namespace TagCenter.Core.Activation;

/// <summary>
/// One use of a deprecated tag or segment (<c>deprecated: "…"</c> in its file): what is deprecated and why, and who
/// still uses it (a tag's rule, a segment's rule, a trigger, an experiment) in which file. A plan warns; it does not refuse.
/// </summary>
public sealed record DeprecationUse(string Kind, string Name, string Reason, string UserKind, string User, string File)
{
    public string Message => Texts.T("deprecation.use", Texts.T("deprecation.user." + UserKind, User), Texts.T("deprecation.kind." + Kind), Name, Reason);
}

/// <summary>Finds the uses of deprecated tags and segments in the workspace's definitions.</summary>
public static class Deprecations
{
    public static IReadOnlyList<DeprecationUse> Find(IReadOnlyList<TagDefinition> tags, IReadOnlyList<SegmentDefinition> segments,
        IReadOnlyList<TriggerDefinition> triggers, IReadOnlyList<ExperimentDefinition> experiments)
    {
        var deadTags = tags.Where(t => t.Deprecated is not null).GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First().Deprecated!, StringComparer.Ordinal);
        var deadSegments = segments.Where(s => s.Deprecated is not null).GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First().Deprecated!, StringComparer.Ordinal);
        var uses = new List<DeprecationUse>();
        if (deadTags.Count == 0 && deadSegments.Count == 0)
            return uses;
        void Tags(string? rule, string userKind, string user, string file)
        {
            if (rule is null)
                return;
            foreach (var name in SegmentRule.Names(Parser.Parse(rule).Root).Order(StringComparer.Ordinal))
                if (name != user && deadTags.TryGetValue(name, out var reason))
                    uses.Add(new DeprecationUse("tag", name, reason, userKind, user, file));
        }
        void Segment(string? name, string userKind, string user, string file)
        {
            if (name is not null && deadSegments.TryGetValue(name, out var reason))
                uses.Add(new DeprecationUse("segment", name, reason, userKind, user, file));
        }
        foreach (var tag in tags)
            Tags(tag.Rule, "tag", tag.Name, tag.File);
        foreach (var segment in segments)
            Tags(segment.Rule, "segment", segment.Name, segment.File);
        foreach (var trigger in triggers)
        {
            Segment(trigger.When.Segment, "trigger", trigger.Name, trigger.File);
            Tags(trigger.When.Rule, "trigger", trigger.Name, trigger.File);
            if (trigger.When.Tag is { } tag && deadTags.TryGetValue(tag, out var reason))
                uses.Add(new DeprecationUse("tag", tag, reason, "trigger", trigger.Name, trigger.File));
        }
        foreach (var experiment in experiments)
            Segment(experiment.Segment, "experiment", experiment.Name, experiment.File);
        return uses;
    }
}
