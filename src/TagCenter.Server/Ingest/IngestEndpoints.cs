using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using TagCenter.Server.Consumer;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Ingest;

/// <summary>
/// Segment's HTTP Tracking API, so analytics-node, RudderStack and the other Segment SDKs send to TagCenter
/// unchanged: <c>POST /v1/batch</c> and <c>/v1/identify|track|page|screen|group|alias</c> (analytics.js in the
/// browser: <c>/v1/b</c> and <c>/v1/t|p|i|s|g|a</c>, from any origin), the write key as the Basic user name (or
/// <c>writeKey</c> in the body). <c>200 {"success": true}</c> means every event is durable in
/// the log; a bad request is a 4xx with nothing written (SDKs drop 4xx); 5xx only for server faults (SDKs retry
/// those with the same messageIds, which de-duplication absorbs). Also <c>GET /api/v1/ingest/status</c>.
/// </summary>
public static class IngestEndpoints
{
    /// <summary>The CORS policy of <c>/v1/…</c>: any origin may POST (see <see cref="IngestServices"/>).</summary>
    public const string CorsPolicy = "ingest";

    public static void Map(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(api);
        var v1 = app.MapGroup("/v1").WithTags("ingest (Segment-compatible)");
        // analytics.js (@segment/analytics-next, the browser SDK) posts each call to /v1/ and the type's first letter
        // (t, p, i, s, g, a), and a batch to /v1/b: the same calls under short names.
        void Call(string path, SegmentCallType? type, string name, string summary) =>
            Document(v1.MapPost(path, (HttpContext context, IngestService ingest, CancellationToken ct) => AcceptAsync(context, ingest, type, ct))
                .WithName(name).WithSummary(summary));
        const string batch = "Send a batch of Segment messages (identify, track, page, screen, group, alias)";
        Call("/batch", null, "IngestBatch", batch);
        Call("/b", null, "IngestBatchShort", batch);
        foreach (var type in Enum.GetValues<SegmentCallType>())
        {
            Call("/" + type.Name(), type, "Ingest" + type, $"Send one Segment {type.Name()} call");
            Call("/" + type.Name()[..1], type, "Ingest" + type + "Short", $"Send one Segment {type.Name()} call");
        }
        v1.RequireCors(CorsPolicy);
        api.MapGet("/status", Status).WithName("IngestStatus").WithSummary("The event log and the consumer: offsets, lag, the last torn tail cut")
            .RequireScope(ApiScopes.Read);
        // A Segment write key or an ingest API key is the credential here (Basic user name, Bearer or writeKey in the
        // body), checked by IngestCredentials: 401 invalid_write_key. The API key scheme's 401/403 stay out of the way.
        v1.AllowAnonymous();
    }

    private static void Document(RouteHandlerBuilder endpoint) =>
        // JSON, or text/plain as analytics.js sends it (a "simple" type, so a browser need not ask first for it).
        endpoint.Accepts<object>("application/json", "text/plain")
            .ProducesProblem(401).ProducesProblem(413).ProducesProblem(415);

    /// <summary>Segment's answer to an accepted request.</summary>
    public sealed record IngestAccepted(bool Success);

    private static readonly IngestAccepted Accepted = new(true);

    private static async Task<Results<Ok<IngestAccepted>, ProblemHttpResult>> AcceptAsync(HttpContext context, IngestService ingest,
        SegmentCallType? single, CancellationToken ct)
    {
        // A key in the header is checked before the body is read: a stranger cannot make the server parse 500 KB.
        // A source's write_key, or an API key with the ingest scope (Governance/IngestCredentials: one key system).
        var keys = context.RequestServices.GetRequiredService<Governance.IngestCredentials>();
        var authorization = context.Request.Headers.Authorization.ToString();
        var headerKey = WriteKeys.FromBasic(authorization);
        SourceDefinition? source = null;
        if (headerKey is not null && (source = await keys.FindAsync(headerKey, ingest.Keys, ct)) is null)
            throw Unauthorized(context);
        // A Bearer key counts when it is an ingest key; any other (a dashboard's own key) leaves the body's writeKey to decide.
        if (headerKey is null && Governance.IngestCredentials.Bearer(authorization) is { } bearer)
            source = await keys.FindAsync(bearer, ingest.Keys, ct);
        using var body = await RequestBody.ReadAsync(context.Request, ingest.Options.Limits.MaxBatchBytes, ct);
        SegmentBatch batch;
        try
        {
            batch = single is { } type ? SegmentParser.ParseSingleOver(type, body.Memory, ingest.Options.Limits)
                : SegmentParser.ParseBatchOver(body.Memory, ingest.Options.Limits);
        }
        catch (IngestValidationException e)
        {
            // Without a valid key (header or body) a caller learns nothing about the body.
            if (source is null && await keys.FindAsync(SegmentPayload.TopLevelString(body.Span, "writeKey"u8), ingest.Keys, ct) is null)
                throw Unauthorized(context);
            return Rejected(context, e);
        }
        using (batch)
        {
            source ??= await keys.FindAsync(batch.WriteKey, ingest.Keys, ct) ?? throw Unauthorized(context);
            await ingest.AcceptAsync(source, batch, ct);
        }
        return TypedResults.Ok(Accepted);
    }

    /// <summary>400 with every error (index, field path such as <c>batch[3].userId</c>, code, message).</summary>
    private static ProblemHttpResult Rejected(HttpContext context, IngestValidationException e)
    {
        var problem = ApiProblems.Problem(context, 400, "invalid_event", e.Message);
        problem.Extensions["errors"] = e.Errors.Select(x => new Dictionary<string, object?>
        {
            ["index"] = x.Index,
            ["field"] = x.Field,
            ["code"] = x.Code,
            ["message"] = x.Message,
        }).ToList();
        problem.Extensions["error_count"] = e.Total;
        return TypedResults.Problem(problem);
    }

    private static ApiException Unauthorized(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"tagcenter\"";
        return new ApiException(401, "invalid_write_key", Texts.T("server.ingest.writekey"));
    }

    private static Ok<IngestStatus> Status(IngestService ingest, IngestProgress progress)
    {
        var log = ingest.Log;
        return TypedResults.Ok(new IngestStatus(log.FirstOffset, log.NextOffset, progress.Applied, log.NextOffset - progress.Applied,
            progress.LastAppliedAt, progress.LastError, log.Recovery.Cut ? log.Recovery.Describe() : null, ingest.Keys.Count));
    }

    /// <summary>Where ingest stands: the log's first kept and next offsets, the consumer's applied offset and lag, and
    /// the torn tail cut when the log was opened (null when it was whole).</summary>
    public sealed record IngestStatus(long FirstOffset, long NextOffset, long AppliedOffset, long Lag, DateTimeOffset? LastAppliedAt,
        string? LastError, string? TornTail, int Sources);
}
