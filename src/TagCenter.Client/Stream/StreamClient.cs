using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace TagCenter.Client;

/// <summary><c>/v1/stream</c>: server-sent events of the persons entering and leaving a dynamic segment as their events arrive.</summary>
public sealed class StreamClient
{
    private readonly ApiConnection _api;

    internal StreamClient(ApiConnection api) => _api = api;

    /// <summary>
    /// The changes of segment <paramref name="name"/> as they happen: after <paramref name="lastEventId"/> first (the
    /// server replays what was recorded since, without gaps or repeats), then live, until the server closes the
    /// stream (after an <c>overflow</c>) or <paramref name="cancellationToken"/> ends it. Heartbeats are skipped.
    /// </summary>
    public async IAsyncEnumerable<SegmentChange> SegmentChangesAsync(string name, long? lastEventId = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = _api.Request(HttpMethod.Get, "v1/stream/segments/" + Query.Segment(name), null, repeatable: true);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is { } id)
            request.Headers.Add("Last-Event-ID", id.ToString(CultureInfo.InvariantCulture));
        using var response = await _api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), Encoding.UTF8);
        string? eventId = null, kind = null;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0 && Change(eventId, kind ?? "message", data.ToString()) is { } change)
                    yield return change;
                (eventId, kind) = (null, null);
                data.Clear();
                continue;
            }
            if (line[0] == ':')
                continue; // a heartbeat
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' '))
                value = value[1..];
            switch (field)
            {
                case "id": eventId = value; break;
                case "event": kind = value; break;
                case "data": data.Append(data.Length > 0 ? "\n" : "").Append(value); break;
            }
        }
    }

    private static SegmentChange? Change(string? id, string kind, string data)
    {
        using var document = JsonDocument.Parse(data);
        var root = document.RootElement;
        string? Text(string field) => root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (kind == "overflow")
            return new SegmentChange(root.TryGetProperty("last_event_id", out var last) && last.TryGetInt64(out var n) ? n : 0, kind, null, Text("segment") ?? "", null);
        if (id is null || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return null;
        DateTimeOffset? at = root.TryGetProperty("at", out var a) && a.ValueKind == JsonValueKind.String && a.TryGetDateTimeOffset(out var t) ? t : null;
        return new SegmentChange(number, kind, Text("oneid"), Text("segment") ?? "", at);
    }
}
