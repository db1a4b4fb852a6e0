using System.Text.Json.Serialization;

namespace TagCenter.Client;

/// <summary>A segment in a list: its definition (type <c>dynamic</c> or <c>static</c>) and its latest evaluation.</summary>
public sealed record SegmentSummary(string Name, string Type, string? Description, string? Owner, string BusinessLine, string File, string Rule,
    long? Size, double? Share, long? Entered, long? Left, DateTime? EvaluatedAt, DateTime? AsOf);

/// <summary>One evaluation of a segment (a point of its trend).</summary>
public sealed record SegmentRunView(long Seq, DateTime AsOf, DateTime EvaluatedAt, string? TagRun, long Size, long Entered, long Left, double Share);

/// <summary>One segment: its definition, latest figures and every evaluation.</summary>
public sealed record SegmentDetail(SegmentSummary Segment, IReadOnlyList<SegmentRunView> Runs);

/// <summary>A segment's size per evaluation.</summary>
public sealed record SegmentTrend(string Name, IReadOnlyList<SegmentRunView> Runs);

/// <summary>What to create or update: the rule, <c>dynamic</c> (default) or <c>static</c>, and who owns it.</summary>
public sealed record SegmentRequest(string? Name, string Rule, string? Type = null, string? Description = null, string? Owner = null, string? BusinessLine = null);

/// <summary>What create and update did: the file written and the evaluation (not evaluated before any tag run).</summary>
public sealed record SegmentSaved(string Name, string Type, string File, bool Evaluated, long? Size, long? Persons, double? Share,
    long? Entered, long? Left, DateTime? AsOf, double? ElapsedMs);

/// <summary>A rule's count: size of persons, which engine answered (<c>index</c> or <c>sql</c>) and in how long.</summary>
public sealed record RuleCount(string Rule, long Size, long Persons, double Share, string Engine, double ElapsedMs, DateTime AsOf, string? Plan);

/// <summary>A page of members in OneID order (masked as the key may see them); <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record MembersPage(string Name, long Seq, DateTime AsOf, long Size, IReadOnlyList<string?> Members, string? NextCursor);

/// <summary>Why a person is in a segment or not: each predicate with the values it read, the result, and the stored membership.</summary>
public sealed record SegmentExplanation(string Segment, [property: JsonPropertyName("oneid")] string OneId, string Rule, DateTime AsOf,
    IReadOnlyList<ExplainedPredicate> Predicates, bool? Result, bool Member, StoredMembership? Stored);

public sealed record ExplainedPredicate(string Predicate, IReadOnlyDictionary<string, string?> Values, bool? Held);

/// <summary>Membership in the latest stored evaluation.</summary>
public sealed record StoredMembership(long Seq, DateTime AsOf, string Type, bool Member);
