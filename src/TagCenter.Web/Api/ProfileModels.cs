using System.Text.Json.Serialization;

namespace TagCenter.Web.Api;

// The API's JSON for a profile (GET /api/v1/profiles/{identifier}); personal fields arrive masked unless the key may read them.

public sealed record ProfileView([property: JsonPropertyName("oneid")] string OneId, IReadOnlyList<ProfileIdentifier> Identifiers, IReadOnlyList<GoldenField> Golden,
    IReadOnlyList<ProfileTag> Tags, IReadOnlyList<ProfileSegment>? Segments, IReadOnlyList<ProfileEvent>? Events);

public sealed record ProfileIdentifier(string Type, string? Value, long Rows);

public sealed record GoldenField(string Field, string? Value, string? Source, long? Line);

public sealed record ProfileTag(string Tag, string Code, string? Value);

public sealed record ProfileSegment(string Segment, DateTime? Since);

public sealed record ProfileEvent(string Event, DateTime At);
