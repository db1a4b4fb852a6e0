using System.Text.Json;

namespace TagCenter.Server.Ingest;

/// <summary>
/// One validated message of the Tracking API: the fields TagCenter routes on, typed, and the message itself
/// (<see cref="Json"/>: valid until the <see cref="SegmentBatch"/> is disposed) for the mapping to event-source columns.
/// <see cref="Raw"/> is the message's exact UTF-8 bytes as sent.
/// </summary>
public sealed record SegmentMessage(
    SegmentCallType Type,
    string? MessageId,
    string? UserId,
    string? AnonymousId,
    string? PreviousId,
    string? Event,
    string? Name,
    string? GroupId,
    DateTimeOffset? Timestamp,
    DateTimeOffset? SentAt,
    DateTimeOffset? ReceivedAt,
    ReadOnlyMemory<byte> Raw)
{
    private JsonElement? _json;

    /// <summary>The message as JSON: an element of its batch's document, or (a batch read without one, see
    /// <see cref="SegmentBatchReader"/>) read from <see cref="Raw"/> when first asked for.</summary>
    public JsonElement Json
    {
        get => _json ??= Read(Raw);
        init => _json = value;
    }

    /// <summary>Whether the message has a <c>type</c> property (of any value); a single call's type comes from its route.</summary>
    internal bool HasType { get; init; }

    /// <summary>Whether the message has a <c>context</c> property (of any value), so the batch's context is not added.</summary>
    internal bool HasContext { get; init; }

    /// <summary>Whether the log payload can be the message as sent plus the server's fields (it has none of the fields the
    /// server sets itself, and no <c>"messageId": null</c> that a server-made id would have to replace).</summary>
    internal bool Spliceable { get; init; }

    public JsonElement? Traits => Member("traits");

    public JsonElement? Properties => Member("properties");

    public JsonElement? Context => Member("context");

    private JsonElement? Member(string name) => Json.TryGetProperty(name, out var value) ? value : null;

    private static JsonElement Read(ReadOnlyMemory<byte> raw)
    {
        var reader = new Utf8JsonReader(raw.Span);
        return JsonElement.ParseValue(ref reader);
    }
}

/// <summary>A validated request: its messages in order, and the envelope fields of a batch (write key, sentAt,
/// and the shared context that applies to every message). The messages point into the request's one parsed
/// document (no copy per event); disposing the batch returns that document's pooled memory.</summary>
public sealed record SegmentBatch(IReadOnlyList<SegmentMessage> Messages, string? WriteKey, DateTimeOffset? SentAt, JsonElement? Context) : IDisposable
{
    internal JsonDocument? Document { get; init; }

    public void Dispose() => Document?.Dispose();
}
