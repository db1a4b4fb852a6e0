using TagCenter.Core.Activation;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Activation;

/// <summary>A tag or segment the review proposes to retire, with why (texts in the caller's language).</summary>
public sealed record ReviewCandidate(string Kind, string Name, IReadOnlyList<string> Reasons)
{
    /// <summary>The file that declares it (null: not in the files any more).</summary>
    public string? File { get; init; }

    /// <summary>The line to add under it in <see cref="File"/> to retire it through plan/apply (null: already deprecated).</summary>
    public string? Deprecate { get; init; }
}

/// <summary>
/// The periodic review (定期复盘), for <c>tagcenter review</c> and <c>/api/v1/activation/review</c>: tags nothing
/// refers to, not computed for N days, or with negligible coverage; segments no board, trigger or experiment uses that
/// were not evaluated for N days, never, or are empty.
/// </summary>
public static class ActivationReview
{
    /// <summary>What uses each published tag: segments, boards, triggers, experiments, other tags; API reads and exports from <paramref name="audit"/>.</summary>
    public static IReadOnlyDictionary<string, TagUsage> Usage(ActivationWorkspace a, AuditUsage.Tally audit)
    {
        var (_, boards) = WorkspaceSegments.Load(a.Definition);
        return TagUsage.Of(a.Catalog ?? Core.Tags.TagCatalog.From([]), a.Segments.Segments, boards.Boards, a.Triggers.Triggers, a.Experiments.Experiments, audit);
    }

    /// <param name="audit">API reads and exports within the last <paramref name="unused"/> (from the audit log).</param>
    public static IReadOnlyList<ReviewCandidate> Candidates(WorkspaceDatabase db, ActivationWorkspace activation, TimeSpan unused, double minCoverage,
        AuditUsage.Tally audit)
    {
        var now = activation.Time.GetUtcNow().UtcDateTime;
        var days = (int)unused.TotalDays;
        var catalog = WorkspaceSegments.Published(db);
        var usage = Usage(activation, audit);
        var files = FilesOrPublished(activation, catalog);
        var candidates = new List<ReviewCandidate>();
        foreach (var tag in catalog.Tags)
        {
            var r = TagEvaluation.Evaluate(db, tag, usage[tag.Name], null, TimeSpan.Zero);
            var reasons = new List<string>();
            if (!r.Usage.Used)
                reasons.Add(Texts.T("activation.review.unused", days));
            if (r.LastComputed is { } last && now - last > unused)
                reasons.Add(Texts.T("activation.review.stale", (int)(now - last).TotalDays));
            if (r.Coverage.Count > 0 && r.Coverage[^1].Share < minCoverage)
                reasons.Add(Texts.T("activation.review.coverage", r.Coverage[^1].Share));
            if (reasons.Count > 0)
                candidates.Add(Suggest("tag", tag.Name, reasons, files.Find(tag.Name)?.File ?? tag.File, files.Find(tag.Name)?.Deprecated ?? tag.Deprecated));
        }
        var (segments, boards) = WorkspaceSegments.Load(activation.Definition);
        var used = TagUsage.UsedSegments(boards.Boards, activation.Triggers.Triggers, activation.Experiments.Experiments);
        var latest = SegmentHistory.Latest(db);
        foreach (var segment in segments.Segments.Where(s => !used.Contains(s.Name) && audit.Segment(s.Name).Total == 0))
        {
            var reasons = new List<string> { Texts.T("activation.review.segment_unused", days) };
            if (latest.GetValueOrDefault(segment.Name) is not { } run)
                reasons.Add(Texts.T("activation.review.never"));
            else if (now - run.EvaluatedAt > unused)
                reasons.Add(Texts.T("activation.review.stale", (int)(now - run.EvaluatedAt).TotalDays));
            else if (run.Size == 0)
                reasons.Add(Texts.T("activation.review.empty"));
            if (reasons.Count > 1)
                candidates.Add(Suggest("segment", segment.Name, reasons, segment.File, segment.Deprecated));
        }
        return candidates;
    }

    /// <summary>A candidate with the <c>deprecated:</c> line to add (its reasons as the text), unless its file already has one.</summary>
    private static ReviewCandidate Suggest(string kind, string name, List<string> reasons, string? file, string? deprecated)
    {
        if (deprecated is not null)
            return new ReviewCandidate(kind, name, [.. reasons, Texts.T("activation.review.deprecated", deprecated)]) { File = file };
        var why = string.Join("; ", reasons).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        return new ReviewCandidate(kind, name, reasons) { File = file, Deprecate = $"deprecated: \"{why}\"" };
    }

    /// <summary>The tag files as they are now (a deprecation not applied yet counts), else the published catalog.</summary>
    private static Core.Tags.TagCatalog FilesOrPublished(ActivationWorkspace activation, Core.Tags.TagCatalog published)
    {
        try
        {
            return Core.Tags.TagCatalog.Load(activation.Definition.Root);
        }
        catch (Core.Diagnostics.WorkspaceException)
        {
            return published;
        }
    }
}
