using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using TagCenter.Core.Segments;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Segments;
using TagCenter.Server.Access;

namespace TagCenter.Server.Segments;

internal static partial class SegmentsEndpoints
{
    /// <summary>Where diagnostics of a rule sent to count point (as <c>segment count</c>'s).</summary>
    public const string RuleFile = "<rule>";

    /// <summary>
    /// The hot path of the segment builder's live count: on the bitmap index of the last tag run when it is current
    /// (what the index cannot answer, such as <c>did(…)</c>, computed in SQL and joined), else in SQL.
    /// </summary>
    private static async Task<Ok<CountView>> CountAsync(CountBody body, HttpContext context, SegmentAccess access, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Rule))
            throw SegmentAccess.Field("rule", Texts.T("api.field.required"));
        var caller = Caller.Of(context);
        var view = await access.Host.ReadAsync((db, ct) =>
        {
            var catalog = access.Tags(db, caller);
            var asOf = WorkspaceSegments.AsOf(db, access.Host.Definition, access.Host.Time);
            var sql = new SegmentEvaluator(db, catalog, asOf);
            var counter = access.Host.Index(db) is { } index ? new IndexSegmentCounter(sql, index) : null;
            var segment = new SegmentDefinition { Name = Texts.T("segment.count.name"), Rule = body.Rule, File = RuleFile };
            var count = counter is null ? sql.Count(segment, ct) : counter.Count(segment, ct);
            return new CountView(body.Rule, count.Size, count.Persons, count.Share, count.Engine, count.Elapsed.TotalMilliseconds, asOf, counter?.LastPlan);
        }, cancellationToken);
        return TypedResults.Ok(view);
    }
}
