using System.Text.Json.Serialization;

namespace TagCenter.Client;

/// <summary>
/// One message of Segment's Tracking API (<c>identify</c>, <c>track</c>, <c>page</c>, <c>screen</c>, <c>group</c>,
/// <c>alias</c>), in Segment's own camelCase JSON. <see cref="MessageId"/> and <see cref="Timestamp"/> are filled
/// in when queued if left null; the server drops a repeated messageId, so a batch sent twice counts once.
/// </summary>
public sealed record SegmentEvent
{
    public required string Type { get; init; }

    public string? MessageId { get; init; }

    public string? UserId { get; init; }

    public string? AnonymousId { get; init; }

    /// <summary>The event's name (track).</summary>
    public string? Event { get; init; }

    /// <summary>The page's or screen's name.</summary>
    public string? Name { get; init; }

    public string? Category { get; init; }

    /// <summary>The group (group).</summary>
    public string? GroupId { get; init; }

    /// <summary>The earlier id (alias).</summary>
    public string? PreviousId { get; init; }

    public IReadOnlyDictionary<string, object?>? Traits { get; init; }

    public IReadOnlyDictionary<string, object?>? Properties { get; init; }

    public IReadOnlyDictionary<string, object?>? Context { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public static SegmentEvent Identify(string userId, IReadOnlyDictionary<string, object?>? traits = null, DateTimeOffset? timestamp = null) =>
        new() { Type = "identify", UserId = userId, Traits = traits, Timestamp = timestamp };

    public static SegmentEvent Track(string userId, string @event, IReadOnlyDictionary<string, object?>? properties = null, DateTimeOffset? timestamp = null) =>
        new() { Type = "track", UserId = userId, Event = @event, Properties = properties, Timestamp = timestamp };

    public static SegmentEvent Page(string userId, string? name = null, IReadOnlyDictionary<string, object?>? properties = null, DateTimeOffset? timestamp = null) =>
        new() { Type = "page", UserId = userId, Name = name, Properties = properties, Timestamp = timestamp };

    public static SegmentEvent Screen(string userId, string? name = null, IReadOnlyDictionary<string, object?>? properties = null, DateTimeOffset? timestamp = null) =>
        new() { Type = "screen", UserId = userId, Name = name, Properties = properties, Timestamp = timestamp };

    public static SegmentEvent Group(string userId, string groupId, IReadOnlyDictionary<string, object?>? traits = null, DateTimeOffset? timestamp = null) =>
        new() { Type = "group", UserId = userId, GroupId = groupId, Traits = traits, Timestamp = timestamp };

    public static SegmentEvent Alias(string userId, string previousId, DateTimeOffset? timestamp = null) =>
        new() { Type = "alias", UserId = userId, PreviousId = previousId, Timestamp = timestamp };

    /// <summary>Segment's JSON: camelCase, nulls left out, times in ISO 8601.</summary>
    internal static System.Text.Json.JsonSerializerOptions Json { get; } = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
