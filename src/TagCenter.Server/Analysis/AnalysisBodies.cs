namespace TagCenter.Server.Analysis;

/// <summary>A funnel (as <c>tagcenter funnel</c>): ordered event steps within a window, optionally by a dimension, over a segment or rule, in [from, to), as of a time.</summary>
public sealed record FunnelBody(IReadOnlyList<string>? Steps, string? Window, string? By, int? Top, string? Segment, string? Rule, string? From, string? To, string? AsOf);

/// <summary>Paths around an event (as <c>tagcenter paths</c>): <c>direction</c> next or previous.</summary>
public sealed record PathsBody(string? Event, string? Direction, int? Depth, int? Top, string? Window, string? Segment, string? Rule, string? From, string? To, string? AsOf);

/// <summary>Conversion to a goal event by a dimension (as <c>tagcenter conversion</c>).</summary>
public sealed record ConversionBody(string? Goal, string? Window, string? By, int? Top, string? Segment, string? Rule, string? AsOf);

/// <summary>The portrait of a segment's latest members, or of a rule's members now (as <c>segment portrait</c>).</summary>
public sealed record PortraitBody(string? Segment, string? Rule, int? Top);

/// <summary>A portrait: every value (or bucket) of the indexed tags, its share in the segment against everyone, and TGI.</summary>
public sealed record PortraitView(string Name, DateTime AsOf, long Size, long Population, IReadOnlyList<PortraitRowView> Rows);

public sealed record PortraitRowView(string Tag, string Code, string Value, long InSegment, double SegmentShare, long Overall, double OverallShare, double? Tgi);

/// <summary>Overlap of segments at their latest evaluations: members in both, per pair and as a matrix, with Jaccard.</summary>
public sealed record OverlapView(IReadOnlyList<OverlapSegment> Segments, IReadOnlyList<OverlapPair> Pairs, IReadOnlyList<IReadOnlyList<long>> Matrix);

public sealed record OverlapSegment(string Name, long Size, long Seq, DateTime AsOf);

public sealed record OverlapPair(string A, string B, long Both, double Jaccard);

/// <summary>A board in the list of boards.</summary>
public sealed record BoardSummary(string Name, string? Description, string File, IReadOnlyList<string> Crowds);

/// <summary>A crowd board (as <c>board show --json</c>).</summary>
public sealed record BoardView(string Board, IReadOnlyList<BoardCrowdView> Crowds, IReadOnlyList<ProblemView> Problems);

public sealed record BoardCrowdView(string Crowd, string Segment, long? Size, double? Share, DateTime? AsOf, long? Previous, long? Change, long? WeekAgo, long? WeekChange);

public sealed record ProblemView(string File, int Line, int Column, string Message);
