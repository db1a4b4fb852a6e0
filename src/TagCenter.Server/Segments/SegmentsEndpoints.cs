using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Segments;

/// <summary>
/// <c>/api/v1/segments</c>: the segments as the CLI's <c>segment …</c> commands see them — list, one, trend, create,
/// update, delete, count a rule without saving it, members, export, explain — from the same DuckDb layer, so the
/// figures are the CLI's.
/// </summary>
internal static partial class SegmentsEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", List).Produces<List<SegmentSummary>>().WithName("ListSegments").WithSummary("Every segment with its size, share, last evaluation, entered and left").RequireScope(ApiScopes.Read);
        group.MapPost("/count", CountAsync).WithName("CountRule").WithSummary("Count the persons a rule selects, without saving it (bitmap index, SQL fallback)").RequireScope(ApiScopes.Read);
        group.MapPost("/", CreateAsync).WithName("CreateSegment").WithSummary("Create a segment directly (admin; everyone else proposes one through /api/v1/drafts, reviewed before it is published)").RequireScope(ApiScopes.Admin);
        group.MapGet("/{name}", ShowAsync).WithName("GetSegment").WithSummary("One segment: definition, size, entered/left, size per run").RequireScope(ApiScopes.Read);
        group.MapPut("/{name}", UpdateAsync).WithName("UpdateSegment").WithSummary("Replace a segment's definition directly (admin; everyone else through /api/v1/drafts)").RequireScope(ApiScopes.Admin);
        group.MapDelete("/{name}", DeleteAsync).WithName("DeleteSegment").WithSummary("Delete a segment directly (admin; refused while a board shows it)").RequireScope(ApiScopes.Admin);
        group.MapGet("/{name}/trend", TrendAsync).WithName("SegmentTrend").WithSummary("A segment's size per evaluation").RequireScope(ApiScopes.Read);
        group.MapGet("/{name}/members", MembersAsync).WithName("SegmentMembers").WithSummary("Members in OneID order, a page at a time (keyset cursor), at the latest evaluation or as of a time").RequireScope(ApiScopes.Read);
        group.MapGet("/{name}/export", ExportAsync).WithName("ExportSegment").WithSummary("Members with chosen tags as CSV or Parquet, streamed").RequireScope(ApiScopes.Read);
        group.MapGet("/{name}/explain/{person}", ExplainAsync).WithName("ExplainSegment").WithSummary("Why a person is (or is not) in a segment").RequireScope(ApiScopes.Read);
    }

    private static async Task<IResult> List(HttpContext context, SegmentAccess access, SegmentRuns evaluations, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        var segments = access.Visible(caller).Segments;
        var latest = await evaluations.LatestAsync(cancellationToken);
        return ETags.Ok(context, segments.Select(s => SegmentSummary.Of(s, latest.GetValueOrDefault(s.Name))).ToList());
    }

    private static async Task<Ok<SegmentDetail>> ShowAsync(string name, HttpContext context, SegmentAccess access, SegmentRuns evaluations, CancellationToken cancellationToken)
    {
        name = SegmentRoute.Name(name);
        var segment = access.Get(name, Caller.Of(context));
        var runs = await evaluations.OfAsync(segment.Name, cancellationToken);
        var last = runs.Count > 0 ? runs[^1] : null;
        return TypedResults.Ok(new SegmentDetail(SegmentSummary.Of(segment, last), [.. runs.Select(SegmentRunView.Of)]));
    }

    private static async Task<Ok<SegmentTrend>> TrendAsync(string name, HttpContext context, SegmentAccess access, SegmentRuns evaluations, CancellationToken cancellationToken)
    {
        name = SegmentRoute.Name(name);
        var segment = access.Get(name, Caller.Of(context));
        var runs = await evaluations.OfAsync(segment.Name, cancellationToken);
        return TypedResults.Ok(new SegmentTrend(segment.Name, [.. runs.Select(SegmentRunView.Of)]));
    }
}
