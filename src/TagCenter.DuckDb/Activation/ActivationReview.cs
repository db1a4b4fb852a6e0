using TagCenter.Core.Activation;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Activation;

/// <summary>A tag or segment the review proposes to retire, with why (texts in the caller's language).</summary>
public sealed record ReviewCandidate(string Kind, string Name, IReadOnlyList<string> Reasons);

/// <summary>
/// The periodic review (定期复盘), for <c>tagcenter review</c> and <c>/api/v1/activation/review</c>: tags nothing
/// refers to, not computed for N days, or with negligible coverage; segments no board, trigger or experiment uses that
/// were not evaluated for N days, never, or are empty.
/// </summary>
public static class ActivationReview
{
    /// <summary>What uses each published tag: segments, boards, triggers, experiments, other tags.</summary>
    public static IReadOnlyDictionary<string, TagUsage> Usage(ActivationWorkspace a)
    {
        var (_, boards) = WorkspaceSegments.Load(a.Definition);
        return TagUsage.Of(a.Catalog ?? Core.Tags.TagCatalog.From([]), a.Segments.Segments, boards.Boards, a.Triggers.Triggers, a.Experiments.Experiments);
    }

    public static IReadOnlyList<ReviewCandidate> Candidates(WorkspaceDatabase db, ActivationWorkspace activation, TimeSpan unused, double minCoverage)
    {
        var now = activation.Time.GetUtcNow().UtcDateTime;
        var catalog = WorkspaceSegments.Published(db);
        var usage = Usage(activation);
        var candidates = new List<ReviewCandidate>();
        foreach (var tag in catalog.Tags)
        {
            var r = TagEvaluation.Evaluate(db, tag, usage[tag.Name], null, TimeSpan.Zero);
            var reasons = new List<string>();
            if (r.Usage.Total == 0)
                reasons.Add(Texts.T("activation.review.unused"));
            if (r.LastComputed is { } last && now - last > unused)
                reasons.Add(Texts.T("activation.review.stale", (int)(now - last).TotalDays));
            if (r.Coverage.Count > 0 && r.Coverage[^1].Share < minCoverage)
                reasons.Add(Texts.T("activation.review.coverage", r.Coverage[^1].Share));
            if (reasons.Count > 0)
                candidates.Add(new ReviewCandidate("tag", tag.Name, reasons));
        }
        var (segments, boards) = WorkspaceSegments.Load(activation.Definition);
        var used = TagUsage.UsedSegments(boards.Boards, activation.Triggers.Triggers, activation.Experiments.Experiments);
        var latest = SegmentHistory.Latest(db);
        foreach (var segment in segments.Segments.Where(s => !used.Contains(s.Name)))
        {
            var reasons = new List<string> { Texts.T("activation.review.segment_unused") };
            if (latest.GetValueOrDefault(segment.Name) is not { } run)
                reasons.Add(Texts.T("activation.review.never"));
            else if (now - run.EvaluatedAt > unused)
                reasons.Add(Texts.T("activation.review.stale", (int)(now - run.EvaluatedAt).TotalDays));
            else if (run.Size == 0)
                reasons.Add(Texts.T("activation.review.empty"));
            if (reasons.Count > 1)
                candidates.Add(new ReviewCandidate("segment", segment.Name, reasons));
        }
        return candidates;
    }
}
