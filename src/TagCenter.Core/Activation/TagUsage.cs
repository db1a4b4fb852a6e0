using TagCenter.Core.Expressions;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;

namespace TagCenter.Core.Activation;

/// <summary>
/// Who refers to a tag in the workspace's definitions (segments and board crowds, triggers, experiments, other tags),
/// and how often it was read through the API and exported within the window counted (<see cref="Audit"/>, from the audit log).
/// </summary>
public sealed record TagUsage(IReadOnlyList<string> Segments, IReadOnlyList<string> Triggers, IReadOnlyList<string> Experiments, IReadOnlyList<string> Tags)
{
    /// <summary>Definitions referring to the tag.</summary>
    public int Total => Segments.Count + Triggers.Count + Experiments.Count + Tags.Count;

    /// <summary>API reads and exports within the window, from the audit log.</summary>
    public UseCount Audit { get; init; } = UseCount.None;

    /// <summary>Whether anything uses the tag: a definition refers to it, or it was read or exported within the window.</summary>
    public bool Used => Total > 0 || Audit.Total > 0;

    /// <summary>
    /// Every tag's usage: the definitions referring to it, and its API reads and exports from <paramref name="audit"/>
    /// (by name, or by code for rows written before a rename). A rule that does not parse counts as using nothing; the
    /// commands that check rules report it.
    /// </summary>
    public static IReadOnlyDictionary<string, TagUsage> Of(TagCatalog catalog, IEnumerable<SegmentDefinition> segments,
        IEnumerable<BoardDefinition> boards, IEnumerable<TriggerDefinition> triggers, IEnumerable<ExperimentDefinition> experiments,
        AuditUsage.Tally? audit = null)
    {
        HashSet<string> Names(string? rule) => rule is null ? [] : SegmentRule.Names(Parser.Parse(rule).Root);
        bool Uses(HashSet<string> names, TagDefinition tag) => names.Contains(tag.Name) || names.Contains(tag.Code);
        var segmentNames = segments.Select(s => (s.Name, Names: Names(s.Rule))).ToList();
        var boardSegments = boards.SelectMany(b => b.Crowds).Select(c => c.Segment).ToHashSet();
        var triggerNames = triggers.Select(t => (t.Name, Names: t.When.Kind == TriggerKind.Crosses ? [t.When.Tag!] : Names(t.When.Rule))).ToList();
        var tagNames = catalog.Tags.Select(t => (t.Name, Names: Names(t.Rule))).ToList();
        var result = new Dictionary<string, TagUsage>();
        foreach (var tag in catalog.Tags)
            result[tag.Name] = new TagUsage(
                [.. segmentNames.Where(s => Uses(s.Names, tag)).Select(s => s.Name)],
                [.. triggerNames.Where(t => Uses(t.Names, tag)).Select(t => t.Name)],
                [.. experiments.Where(e => e.Goal.Tag is { } g && (g == tag.Name || g == tag.Code)).Select(e => e.Name)],
                [.. tagNames.Where(t => t.Name != tag.Name && Uses(t.Names, tag)).Select(t => t.Name)])
            { Audit = audit is null ? UseCount.None : audit.Tag(tag.Name).Plus(tag.Code == tag.Name ? UseCount.None : audit.Tag(tag.Code)) };
        return result;
    }

    /// <summary>Segments referred to by boards, triggers and experiments (a segment nobody acts on or watches is a retirement candidate).</summary>
    public static IReadOnlySet<string> UsedSegments(IEnumerable<BoardDefinition> boards, IEnumerable<TriggerDefinition> triggers, IEnumerable<ExperimentDefinition> experiments) =>
        boards.SelectMany(b => b.Crowds).Select(c => c.Segment)
            .Concat(triggers.Select(t => t.When.Segment).OfType<string>())
            .Concat(experiments.Select(e => e.Segment)).ToHashSet();
}
