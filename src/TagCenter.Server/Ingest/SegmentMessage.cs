using System.Text.Json;

namespace TagCenter.Server.Ingest;

/// <summary>
/// One validated message of the Tracking API: the fields TagCenter routes on, typed, and the message itself
/// (<see cref="Json"/>, an element of its batch's document: valid until the <see cref="SegmentBatch"/> is disposed)
/// for the mapping to event-source columns. <see cref="Raw"/> is the message's exact UTF-8 bytes as sent.
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
    JsonElement Json,
    ReadOnlyMemory<byte> Raw)
{
    /// <summary>Whether the log payload can be the message as sent plus the server's fields (it has none of the fields the
    /// server sets itself, and no <c>"messageId": null</c> that a server-made id would have to replace).</summary>
    internal bool Spliceable { get; init; }

    public JsonElement? Traits => Member("traits");

    public JsonElement? Properties => Member("properties");

    public JsonElement? Context => Member("context");

    private JsonElement? Member(string name) => Json.TryGetProperty(name, out var value) ? value : null;
}

/// <summary>A validated request: its messages in order, and the envelope fields of a batch (write key, sentAt,
/// and the shared context that applies to every message). The messages point into the request's one parsed
/// document (no copy per event); disposing the batch returns that document's pooled memory.</summary>
public sealed record SegmentBatch(IReadOnlyList<SegmentMessage> Messages, string? WriteKey, DateTimeOffset? SentAt, JsonElement? Context) : IDisposable
{
    internal JsonDocument? Document { get; init; }

    public void Dispose() => Document?.Dispose();
}
