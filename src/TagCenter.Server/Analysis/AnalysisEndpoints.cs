using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TagCenter.Core.Analysis;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Analysis;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;
using TagCenter.Server.Segments;

namespace TagCenter.Server.Analysis;

/// <summary>
/// <c>/api/v1/analysis</c>: portrait (TGI), overlap of segments, funnels, paths and conversion, from the same
/// queries as the CLI's <c>segment portrait|overlap</c>, <c>funnel</c>, <c>paths</c> and <c>conversion</c>, and the
/// same JSON as their <c>--json</c>.
/// </summary>
internal static partial class AnalysisEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/portrait", PortraitAsync).WithName("Portrait").WithSummary("A segment's (or a rule's) portrait: share per tag value against everyone, TGI").RequireScope(ApiScopes.Read);
        group.MapGet("/overlap", OverlapAsync).WithName("Overlap").WithSummary("Members shared by each pair of segments, and Jaccard").RequireScope(ApiScopes.Read);
        group.MapPost("/funnel", FunnelAsync).WithName("Funnel").WithSummary("Conversion through ordered event steps within a window").RequireScope(ApiScopes.Read);
        group.MapPost("/paths", PathsAsync).WithName("Paths").WithSummary("The most frequent event sequences after or before an event").RequireScope(ApiScopes.Read);
        group.MapPost("/conversion", ConversionAsync).WithName("Conversion").WithSummary("Share of each group of a dimension who did a goal event within a window").RequireScope(ApiScopes.Read);
    }

    private static async Task<IResult> FunnelAsync(FunnelBody body, HttpContext context, SegmentAccess access, CancellationToken cancellationToken)
    {
        var steps = body.Steps ?? [];
        if (steps.Count < 2)
            throw SegmentAccess.Field("steps", Texts.T("analysis.funnel.steps", steps.Count));
        if (steps.Count > FunnelRequest.MaxSteps)
            throw SegmentAccess.Field("steps", Texts.T("analysis.funnel.toomany", steps.Count, FunnelRequest.MaxSteps));
        var window = AnalysisInputs.FixedWindow(body.Window, "7d");
        var inputs = new AnalysisInputs(access, Caller.Of(context));
        var request = new FunnelRequest(steps, window) { From = access.Time("from", body.From), To = access.Time("to", body.To, end: true) };
        AnalysisInputs.Field("to", () => { request.Validate(request.Steps.ToHashSet(StringComparer.Ordinal)); return 0; });
        var watch = Stopwatch.StartNew();
        var funnel = await access.Host.ReadAsync((db, _) =>
        {
            AnalysisInputs.KnownEvents(db, "steps", steps);
            var r = request;
            if (body.By is { } by)
                r = r with { By = inputs.By(db, by, body.Top) };
            r = r with { Population = inputs.Population(db, body.Segment, body.Rule, body.AsOf), To = inputs.Until(body.AsOf, r.To) };
            return FunnelQuery.Run(db, r);
        }, cancellationToken);
        return TypedResults.Ok(AnalysisJson.Funnel(funnel, watch.Elapsed));
    }

    private static async Task<IResult> PathsAsync(PathsBody body, HttpContext context, SegmentAccess access, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Event))
            throw SegmentAccess.Field("event", Texts.T("api.field.required"));
        var direction = (body.Direction ?? "next").Trim().ToLowerInvariant();
        if (direction is not ("next" or "previous"))
            throw SegmentAccess.Field("direction", Texts.T("api.field.oneof", "next, previous", body.Direction));
        var window = AnalysisInputs.FixedWindow(body.Window, "1d");
        var request = new PathsRequest(body.Event, direction == "next", body.Depth ?? 3, body.Top ?? 10, window)
        {
            From = access.Time("from", body.From),
            To = access.Time("to", body.To, end: true),
        };
        if (request.Depth is < 1 or > PathsRequest.MaxDepth)
            throw SegmentAccess.Field("depth", Texts.T("api.field.range", 1, PathsRequest.MaxDepth));
        AnalysisInputs.AtLeastOne("top", request.Top, 10);
        AnalysisInputs.Field("to", () => { request.Validate(); return 0; });
        var inputs = new AnalysisInputs(access, Caller.Of(context));
        var watch = Stopwatch.StartNew();
        var paths = await access.Host.ReadAsync((db, _) =>
        {
            AnalysisInputs.KnownEvents(db, "event", [body.Event]);
            var r = request with { Population = inputs.Population(db, body.Segment, body.Rule, body.AsOf) };
            return PathsQuery.Run(db, r with { To = inputs.Until(body.AsOf, r.To) });
        }, cancellationToken);
        return TypedResults.Ok(AnalysisJson.Paths(paths, watch.Elapsed));
    }

    private static async Task<IResult> ConversionAsync(ConversionBody body, HttpContext context, SegmentAccess access, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Goal))
            throw SegmentAccess.Field("goal", Texts.T("api.field.required"));
        if (string.IsNullOrWhiteSpace(body.By))
            throw SegmentAccess.Field("by", Texts.T("api.field.required"));
        var window = AnalysisInputs.Field("window", () => AnalysisWindow.Parse(string.IsNullOrWhiteSpace(body.Window) ? "7d" : body.Window));
        var inputs = new AnalysisInputs(access, Caller.Of(context));
        var watch = Stopwatch.StartNew();
        var conversion = await access.Host.ReadAsync((db, _) =>
        {
            AnalysisInputs.KnownEvents(db, "goal", [body.Goal]);
            var dimension = inputs.By(db, body.By, body.Top);
            var request = new ConversionRequest(body.Goal, window, inputs.AsOf(db, body.AsOf), dimension)
            {
                Population = inputs.Population(db, body.Segment, body.Rule, body.AsOf),
            };
            return ConversionQuery.Run(db, request);
        }, cancellationToken);
        return TypedResults.Ok(AnalysisJson.Conversion(conversion, watch.Elapsed));
    }
}
