namespace TagCenter.Server.Ingest;

/// <summary>The limits a request is checked against before anything is accepted: Segment's published 32 KB per
/// message and 500 KB per batch, plus a nesting depth so a hostile body cannot make parsing deep or slow.</summary>
public sealed record SegmentLimits
{
    public int MaxEventBytes { get; init; } = 32 * 1024;

    public int MaxBatchBytes { get; init; } = 500 * 1024;

    /// <summary>How deep objects and arrays may nest inside one message (the message object is depth 1).</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>The most errors one rejection lists (the rest are counted).</summary>
    public int MaxErrors { get; init; } = 50;

    /// <summary>The longest id (messageId, userId, anonymousId, previousId, groupId) in characters.</summary>
    public int MaxIdLength { get; init; } = 256;
}
