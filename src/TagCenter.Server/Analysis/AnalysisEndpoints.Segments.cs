using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using TagCenter.Core.Index;
using TagCenter.Core.Segments;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Segments;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;
using TagCenter.Server.Segments;

namespace TagCenter.Server.Analysis;

internal static partial class AnalysisEndpoints
{
    /// <summary>
    /// The portrait of a segment's members at its latest evaluation, or of a rule's members now (counted on the
    /// index like <c>/segments/count</c>), over the tags the caller may see.
    /// </summary>
    private static async Task<Ok<PortraitView>> PortraitAsync(PortraitBody body, HttpContext context, SegmentAccess access, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        var hasRule = !string.IsNullOrWhiteSpace(body.Rule);
        if (hasRule == !string.IsNullOrWhiteSpace(body.Segment))
            throw SegmentAccess.Field("segment", Texts.T("analysis.population.both"));
        var top = AnalysisInputs.AtLeastOne("top", body.Top, 20);
        var defined = hasRule ? null : access.Get(body.Segment!, caller);
        var view = await access.Host.ReadAsync((db, ct) =>
        {
            var index = access.Host.Index(db) ?? throw new ApiException(409, "index_missing", Texts.T("api.analysis.noindex"));
            var catalog = access.Tags(db, caller);
            var visible = catalog.Tags.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
            // A personal-data tag's values are the portrait's rows: only for callers with pii:read.
            var tags = index.Tags.Where(t => visible.Contains(t.Code) && catalog.Find(t.Code) is { } visibleTag && access.Policy.MayList(visibleTag.Name, caller));
            if (defined is not null)
            {
                var run = WorkspaceSegments.LatestRun(db, defined.Name);
                var members = IndexSegmentCounter.Ordinals(db, SegmentHistory.MembersAt, [defined.Name, run.Seq]);
                return View(defined.Name, run.AsOf, Portrait.Of(index, members, tags), catalog, top);
            }
            var asOf = WorkspaceSegments.AsOf(db, access.Host.Definition, access.Host.Time);
            var counter = new IndexSegmentCounter(new SegmentEvaluator(db, catalog, asOf), index);
            var rule = new SegmentDefinition { Name = Texts.T("segment.count.name"), Rule = body.Rule!, File = SegmentCounting.RuleFile };
            return View(body.Rule!, asOf, Portrait.Of(index, counter.Members(rule), tags), catalog, top);
        }, cancellationToken);
        return TypedResults.Ok(view);
    }

    private static PortraitView View(string name, DateTime asOf, PortraitReport report, Core.Tags.TagCatalog catalog, int top) =>
        new(name, asOf, report.SegmentSize, report.Population, [.. report.Rows.Take(top).Select(r => new PortraitRowView(catalog.Find(r.Tag)?.Name ?? r.Tag, r.Tag, r.Value,
            r.InSegment, r.SegmentShare, r.Overall, r.OverallShare, double.IsFinite(r.Tgi) ? r.Tgi : null))]);

    /// <summary>Overlap of two or more segments (<c>?segments=a&amp;segments=b</c> or <c>?segments=a,b</c>).</summary>
    private static async Task<Ok<OverlapView>> OverlapAsync(HttpContext context, SegmentAccess access, CancellationToken cancellationToken, string[]? segments = null)
    {
        var caller = Caller.Of(context);
        var asked = (segments ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
        if (asked.Count < 2)
            throw SegmentAccess.Field("segments", Texts.T("segment.overlap.two"));
        var defined = asked.Select(n => access.Get(n, caller)).ToList();
        var view = await access.Host.ReadAsync((db, _) =>
        {
            var runs = defined.Select(s => WorkspaceSegments.LatestRun(db, s.Name)).ToList();
            var matrix = SegmentHistory.Overlap(db, runs);
            var n = runs.Count;
            return new OverlapView(
                [.. runs.Select(r => new OverlapSegment(r.Segment, r.Size, r.Seq, r.AsOf))],
                [.. Enumerable.Range(0, n).SelectMany(i => Enumerable.Range(i + 1, n - i - 1).Select(j =>
                    new OverlapPair(runs[i].Segment, runs[j].Segment, matrix[i, j], SegmentHistory.Jaccard(matrix[i, i], matrix[j, j], matrix[i, j]))))],
                [.. Enumerable.Range(0, n).Select(i => (IReadOnlyList<long>)[.. Enumerable.Range(0, n).Select(j => matrix[i, j])])]);
        }, cancellationToken);
        return TypedResults.Ok(view);
    }
}
