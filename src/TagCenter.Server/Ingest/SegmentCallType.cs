namespace TagCenter.Server.Ingest;

/// <summary>The six call types of Segment's Tracking API (the <c>type</c> of a message).</summary>
public enum SegmentCallType { Identify, Track, Page, Screen, Group, Alias }

/// <summary>The wire names of <see cref="SegmentCallType"/>: lower case, as SDKs send them.</summary>
public static class SegmentCallTypes
{
    public static readonly IReadOnlyList<string> Names = ["identify", "track", "page", "screen", "group", "alias"];

    /// <summary>The call type named <paramref name="name"/> (exact, lower case), or null.</summary>
    public static SegmentCallType? Parse(string? name) => name switch
    {
        "identify" => SegmentCallType.Identify,
        "track" => SegmentCallType.Track,
        "page" => SegmentCallType.Page,
        "screen" => SegmentCallType.Screen,
        "group" => SegmentCallType.Group,
        "alias" => SegmentCallType.Alias,
        _ => null,
    };

    public static string Name(this SegmentCallType type) => Names[(int)type];
}
