namespace TagCenter.Web.Api;

// The API's JSON for segments (GET/POST /api/v1/segments…, /analysis/portrait, /analysis/overlap).

public sealed record SegmentSummary(string Name, string Type, string? Description, string? Owner, string BusinessLine, string File, string Rule,
    long? Size, double? Share, long? Entered, long? Left, DateTime? EvaluatedAt, DateTime? AsOf);

public sealed record SegmentRun(long Seq, DateTime AsOf, DateTime EvaluatedAt, string? TagRun, long Size, long Entered, long Left, double Share);

public sealed record SegmentDetail(SegmentSummary Segment, IReadOnlyList<SegmentRun> Runs);

/// <summary>The answer of <c>POST /segments/count</c>: how many persons a rule selects now.</summary>
public sealed record CountResult(string Rule, long Size, long Persons, double Share, string Engine, double ElapsedMs, DateTime AsOf, string? Plan);

public sealed record MembersPage(string Name, long Seq, DateTime AsOf, long Size, IReadOnlyList<string?> Members, string? NextCursor);

public sealed record PortraitView(string Name, DateTime AsOf, long Size, long Population, IReadOnlyList<PortraitRow> Rows);

public sealed record PortraitRow(string Tag, string Code, string Value, long InSegment, double SegmentShare, long Overall, double OverallShare, double? Tgi);

public sealed record OverlapView(IReadOnlyList<OverlapSegment> Segments, IReadOnlyList<OverlapPair> Pairs, IReadOnlyList<IReadOnlyList<long>> Matrix);

public sealed record OverlapSegment(string Name, long Size, long Seq, DateTime AsOf);

public sealed record OverlapPair(string A, string B, long Both, double Jaccard);

public sealed record ExplainView(string Segment, [property: System.Text.Json.Serialization.JsonPropertyName("oneid")] string OneId, string Rule, DateTime AsOf,
    IReadOnlyList<PredicateView> Predicates, bool? Result, bool Member);

public sealed record PredicateView(string Predicate, IReadOnlyDictionary<string, string?> Values, bool? Held);

/// <summary>The body of <c>POST /drafts</c>: a proposed segment file, reviewed by another user before it is published.</summary>
public sealed record DraftRequest(string Kind, string Name, string Yaml);

/// <summary>A draft as the API shows it, with the impact of publishing it now.</summary>
public sealed record DraftView(string Id, string Kind, string Name, string Status, string Author, string? Reviewer, string? Note, DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt, string Yaml, DraftImpact? Impact);

public sealed record DraftImpact(DateTime AsOf, bool Blocked, IReadOnlyList<DraftSegmentImpact> Segments);

public sealed record DraftSegmentImpact(string Action, string Name, long? SizeBefore, long? SizeAfter);
