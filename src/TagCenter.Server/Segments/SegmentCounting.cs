using TagCenter.Core.Segments;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Segments;
using TagCenter.Server.Access;

namespace TagCenter.Server.Segments;

/// <summary>
/// Counting a rule without saving it, the hot path of the segment builder's live count: on the bitmap index of the
/// last tag run when it is current (what the index cannot answer, such as <c>did(…)</c>, computed in SQL and
/// joined), else in SQL; bound against the tags the caller may see. The endpoint and the latency benchmark's
/// in-process baseline call this same method.
/// </summary>
public static class SegmentCounting
{
    /// <summary>Where diagnostics of a rule sent to count point (as <c>segment count</c>'s).</summary>
    public const string RuleFile = "<rule>";

    public static Task<CountView> CountAsync(SegmentAccess access, Caller caller, string rule, CancellationToken cancellationToken) =>
        access.Host.ReadAsync((db, ct) =>
        {
            var catalog = access.Tags(db, caller);
            var asOf = WorkspaceSegments.AsOf(db, access.Host.Definition, access.Host.Time);
            var sql = new SegmentEvaluator(db, catalog, asOf);
            var counter = access.Host.Index(db) is { } index ? new IndexSegmentCounter(sql, index) : null;
            var segment = new SegmentDefinition { Name = Texts.T("segment.count.name"), Rule = rule, File = RuleFile };
            var count = counter is null ? sql.Count(segment, ct) : counter.Count(segment, ct);
            return new CountView(rule, count.Size, count.Persons, count.Share, count.Engine, count.Elapsed.TotalMilliseconds, asOf, counter?.LastPlan);
        }, cancellationToken);
}
