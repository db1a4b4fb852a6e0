namespace TagCenter.Client;

/// <summary>A funnel: per step the persons who reached it, the share from the previous and the first step, the median time from the previous; overall and per group.</summary>
public sealed record FunnelResult(IReadOnlyList<string> Steps, double WithinSeconds, DateTime? From, DateTime? To, string Population, string? By,
    FunnelGroup Total, IReadOnlyList<FunnelGroup> Groups, double ElapsedMs);

/// <summary>A group of a funnel: <see cref="Kind"/> <c>all</c>, <c>value</c>, <c>other</c> or <c>none</c>.</summary>
public sealed record FunnelGroup(string? Value, string Kind, IReadOnlyList<FunnelStep> Steps);

public sealed record FunnelStep(int Step, string Event, long Persons, double? FromPrevious, double? FromFirst, double? MedianSecondsFromPrevious);

/// <summary>The most frequent event sequences around an event.</summary>
public sealed record PathsResult(string Event, string Direction, int Depth, double WithinSeconds, string Population, long Anchors,
    IReadOnlyList<EventPath> Paths, double ElapsedMs);

/// <summary>A sequence of events; <see cref="Ended"/> when it stopped before the depth asked for.</summary>
public sealed record EventPath(IReadOnlyList<string> Events, bool Ended, long Count, double Share);

/// <summary>The share of each group who did the goal event within the window.</summary>
public sealed record ConversionResult(string Goal, string Within, DateTime AsOf, DateTime? Since, string By, string Population,
    ConversionGroup Total, IReadOnlyList<ConversionGroup> Groups, double ElapsedMs);

public sealed record ConversionGroup(string? Value, string Kind, long Persons, long Converted, double Rate);

/// <summary>A portrait: every value (or bucket) of the indexed tags, its share in the segment against everyone, and TGI.</summary>
public sealed record Portrait(string Name, DateTime AsOf, long Size, long Population, IReadOnlyList<PortraitRow> Rows);

public sealed record PortraitRow(string Tag, string Code, string Value, long InSegment, double SegmentShare, long Overall, double OverallShare, double? Tgi);

/// <summary>Members shared by each pair of segments (and as a matrix), with Jaccard.</summary>
public sealed record Overlap(IReadOnlyList<OverlapSegment> Segments, IReadOnlyList<OverlapPair> Pairs, IReadOnlyList<IReadOnlyList<long>> Matrix);

public sealed record OverlapSegment(string Name, long Size, long Seq, DateTime AsOf);

public sealed record OverlapPair(string A, string B, long Both, double Jaccard);
