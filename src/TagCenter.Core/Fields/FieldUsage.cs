namespace TagCenter.Core.Fields;

/// <summary>Who uses a column: the identifier type it carries, golden fields chosen from it, tags reading it.</summary>
public sealed record FieldUsage(string? Identifier, IReadOnlyList<string> Golden, IReadOnlyList<string> Tags)
{
    public static readonly FieldUsage None = new(null, [], []);

    /// <summary>A key the unified model itself adds (oneid, event_time, store_oneid): used by every tag.</summary>
    public bool ModelKey { get; init; }

    /// <summary>A key the source is deduplicated on: cleansing reads it, tags do not (yet).</summary>
    public bool DedupeKey { get; init; }

    public bool Used => Identifier is not null || Golden.Count > 0 || Tags.Count > 0 || ModelKey;
}
