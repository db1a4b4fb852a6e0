using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TagCenter.Core.Realtime;
using TagCenter.Core.Segments;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Realtime;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Realtime;

/// <summary>
/// <c>GET /v1/stream/segments/{name}</c>: server-sent events of people entering and leaving a dynamic segment as
/// their events arrive (<c>event: entered|left</c>, <c>id</c> the recorded change's number, data
/// <c>{"oneid","segment","at"}</c>), a comment line as heartbeat when idle, and <c>event: overflow</c> before the
/// server closes a subscriber that fell too far behind. With <c>Last-Event-ID</c> (header, or <c>?last_event_id=</c>)
/// the stream first replays the changes recorded after that id, then continues live without gaps or repeats.
/// </summary>
public static class StreamEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/segments/{name}", StreamAsync)
            .WithName("StreamSegment")
            .WithSummary("Stream a segment's entries and exits (server-sent events)")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(ApiScopes.Read);
    }

    private static async Task StreamAsync(string name, HttpContext context, WorkspaceHost host, SegmentFeed stream, RealtimeOptions options,
        IDataPolicy policy, CancellationToken cancellationToken)
    {
        var segment = SegmentCatalog.Load(host.Definition.Root).Find(name);
        if (segment is null || !policy.CanSee(segment, Caller.Of(context)))
            throw ApiException.NotFound("segment_not_found", Texts.T("realtime.segment.unknown", name));
        var last = LastEventId(context);
        // Subscribe before reading the backlog, so nothing recorded in between is missed; what both hold is sent once.
        using var subscription = stream.Subscribe(segment.Name);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.FlushAsync(cancellationToken);
        var sent = last ?? await host.ReadAsync((db, _) => SegmentChanges.Last(db), cancellationToken);
        if (last is not null)
        {
            IReadOnlyList<MembershipChange> backlog;
            do
            {
                var from = sent;
                backlog = await host.ReadAsync((db, _) => SegmentChanges.After(db, segment.Name, from), cancellationToken);
                foreach (var change in backlog)
                    sent = await WriteAsync(response, change, sent, cancellationToken);
            }
            while (backlog.Count > 0 && backlog.Count >= 10_000);
        }
        try
        {
            while (true)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                idle.CancelAfter(options.Heartbeat);
                bool more;
                try
                {
                    more = await subscription.Reader.WaitToReadAsync(idle.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await response.WriteAsync(": heartbeat\n\n", cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                    continue;
                }
                while (subscription.Reader.TryRead(out var change))
                    sent = await WriteAsync(response, change, sent, cancellationToken);
                if (!more)
                    break;
            }
            if (subscription.Overflowed)
            {
                await response.WriteAsync($"event: overflow\ndata: {JsonSerializer.Serialize(new { segment = segment.Name, last_event_id = sent }, SseJson)}\n\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    /// <summary>Segment names stay readable in the feed (高价值沉默, not \uXXXX); HTML-sensitive characters are still escaped.</summary>
    private static readonly JsonSerializerOptions SseJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    private static async Task<long> WriteAsync(HttpResponse response, MembershipChange change, long sent, CancellationToken cancellationToken)
    {
        if (change.Id <= sent)
            return sent;
        var data = JsonSerializer.Serialize(new { oneid = change.OneId, segment = change.Segment, at = change.At }, SseJson);
        await response.WriteAsync($"id: {change.Id.ToString(CultureInfo.InvariantCulture)}\nevent: {change.Kind}\ndata: {data}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        return change.Id;
    }

    private static long? LastEventId(HttpContext context)
    {
        var text = context.Request.Headers["Last-Event-ID"].FirstOrDefault() ?? context.Request.Query["last_event_id"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw ApiException.BadRequest("invalid_last_event_id", Texts.T("realtime.lasteventid", text));
    }
}
