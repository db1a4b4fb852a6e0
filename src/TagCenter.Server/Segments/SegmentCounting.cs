using System.Runtime.CompilerServices;
using TagCenter.Core.Index;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;
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

    // What a count needs besides the rule (published tags, schema, stored tag values, the as-of) only changes with a
    // tag run, and a run brings a new index: kept per reader connection (one request at a time uses a connection,
    // and the SQL part of a plan runs on it) for as long as the index is the same.
    private static readonly ConditionalWeakTable<WorkspaceDatabase, Prepared> Cache = [];

    private sealed record Prepared(ITagIndex Index, TagCatalog Published, TagCatalog Visible, IndexSegmentCounter Counter, DateTime AsOf);

    public static Task<CountView> CountAsync(SegmentAccess access, Caller caller, string rule, CancellationToken cancellationToken) =>
        access.Host.ReadAsync((db, ct) =>
        {
            var segment = new SegmentDefinition { Name = Texts.T("segment.count.name"), Rule = rule, File = RuleFile };
            var index = access.Host.Index(db);
            if (index is not null && Cache.TryGetValue(db, out var kept) && ReferenceEquals(kept.Index, index)
                && ReferenceEquals(access.Policy.VisibleTags(kept.Published, caller), kept.Visible))
                return View(rule, kept.Counter.Count(segment, ct), kept.AsOf, kept.Counter.LastPlan);
            var published = WorkspaceSegments.Published(db);
            var catalog = access.Policy.VisibleTags(published, caller);
            var asOf = WorkspaceSegments.AsOf(db, access.Host.Definition, access.Host.Time);
            var sql = new SegmentEvaluator(db, catalog, asOf);
            if (index is null)
                return View(rule, sql.Count(segment, ct), asOf, null);
            var counter = new IndexSegmentCounter(sql, index);
            Cache.AddOrUpdate(db, new Prepared(index, published, catalog, counter, asOf));
            return View(rule, counter.Count(segment, ct), asOf, counter.LastPlan);
        }, cancellationToken);

    private static CountView View(string rule, SegmentCount count, DateTime asOf, string? plan) =>
        new(rule, count.Size, count.Persons, count.Share, count.Engine, count.Elapsed.TotalMilliseconds, asOf, plan);
}
