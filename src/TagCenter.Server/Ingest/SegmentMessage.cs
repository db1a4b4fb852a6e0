using System.Text.Json;

namespace TagCenter.Server.Ingest;

/// <summary>
/// One validated message of the Tracking API: the fields TagCenter routes on, typed, and the message itself
/// (<see cref="Json"/>, owned by this object) for the mapping to event-source columns. <see cref="Raw"/> is the
/// message's exact UTF-8 bytes as sent.
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
    public JsonElement? Traits => Member("traits");

    public JsonElement? Properties => Member("properties");

    public JsonElement? Context => Member("context");

    private JsonElement? Member(string name) => Json.TryGetProperty(name, out var value) ? value : null;
}

/// <summary>A validated request: its messages in order, and the envelope fields of a batch (write key, sentAt,
/// and the shared context that applies to every message).</summary>
public sealed record SegmentBatch(IReadOnlyList<SegmentMessage> Messages, string? WriteKey, DateTimeOffset? SentAt, JsonElement? Context);
