using TagCenter.Core.Diagnostics;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Segments;

/// <summary>
/// The segment part of <c>plan</c>: which segments are new, changed, removed or affected by a tag change, with
/// their size at the last evaluation → their size with the files' rules (computed as of the plan's as-of); and
/// which segments still use a tag the files remove (the plan is refused while they do).
/// </summary>
public static class SegmentPlanner
{
    /// <summary>Segments (with their file position) that use <paramref name="tag"/>: they block its removal.</summary>
    public static IEnumerable<string> Users(IReadOnlyList<SegmentDefinition> segments, string tag) =>
        segments.Where(s => SegmentRule.Names(Core.Expressions.Parser.Parse(s.Rule).Root).Contains(tag))
            .Select(s => Texts.T("segment.plan.uses", s.Name, s.File, s.RuleLine, s.RuleColumn));

    public static IReadOnlyList<SegmentChange> Plan(WorkspaceDatabase db, TagCatalog files, IReadOnlyList<SegmentDefinition> segments,
        IReadOnlyCollection<string> changedTags, DateTime asOf)
    {
        var latest = SegmentHistory.Latest(db);
        var deprecated = SegmentDeprecations.Load(db);
        var changes = new List<SegmentChange>();
        var toCount = new List<(SegmentDefinition Segment, SegmentChangeAction Action)>();
        foreach (var segment in segments)
        {
            latest.TryGetValue(segment.Name, out var before);
            var action = before is null ? SegmentChangeAction.Added
                : before.Rule != segment.Rule ? SegmentChangeAction.Changed
                : SegmentRule.Tags(segment.Rule, files).Intersect(changedTags).Any() ? SegmentChangeAction.Affected
                : segment.Deprecated is { } why && deprecated.GetValueOrDefault(segment.Name) != why ? SegmentChangeAction.Deprecated
                : (SegmentChangeAction?)null;
            if (action is { } a)
                toCount.Add((segment, a));
        }
        var sizes = Sizes(db, files, [.. toCount.Select(c => c.Segment)], asOf);
        foreach (var (segment, action) in toCount)
        {
            latest.TryGetValue(segment.Name, out var before);
            changes.Add(new SegmentChange(action, segment.Name, segment.File, before?.Rule, segment.Rule, before?.Size, sizes?.GetValueOrDefault(segment.Name)));
        }
        // A rule trigger's segment (trigger/…) is the activation engine's, never a file's: no plan removes it.
        foreach (var gone in latest.Values.Where(r => segments.All(s => s.Name != r.Segment)
            && !r.Segment.StartsWith(Core.Activation.TriggerOccurrences.RuleSegment(""), StringComparison.Ordinal)))
            changes.Add(new SegmentChange(SegmentChangeAction.Removed, gone.Segment, null, gone.Rule, null, gone.Size, null));
        return changes;
    }

    /// <summary>The sizes with the files' tags (null before identity has built the person dimension).</summary>
    private static Dictionary<string, long>? Sizes(WorkspaceDatabase db, TagCatalog files, IReadOnlyList<SegmentDefinition> segments, DateTime asOf)
    {
        if (segments.Count == 0 || !db.TableExists("dim_person"))
            return null;
        var evaluator = new SegmentEvaluator(db, files, asOf);
        var (evaluated, problems) = evaluator.Evaluate(segments);
        if (problems.Count > 0)
            throw new WorkspaceException(problems);
        var columns = string.Join(", ", evaluated.Select((_, i) => $"count(*) FILTER (WHERE {Core.Sql.SqlText.Ident(SegmentRule.Code(i))})"));
        var row = db.Rows($"SELECT {columns} FROM {SegmentEvaluator.Table}")[0];
        return evaluated.Select((s, i) => (s.Name, Convert.ToInt64(row[i]))).ToDictionary(x => x.Name, x => x.Item2);
    }
}
