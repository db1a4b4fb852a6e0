using TagCenter.Core.Segments;
using TagCenter.DuckDb.Segments;

namespace TagCenter.Server.Segments;

/// <summary>A segment in a list: its definition and its latest evaluation (size, share, entered, left).</summary>
public sealed record SegmentSummary(string Name, SegmentType Type, string? Description, string? Owner, string BusinessLine, string File, string Rule,
    long? Size, double? Share, long? Entered, long? Left, DateTime? EvaluatedAt, DateTime? AsOf)
{
    public static SegmentSummary Of(SegmentDefinition s, SegmentRun? r) =>
        new(s.Name, s.Type, s.Description, s.Owner, s.BusinessLine, s.File, s.Rule, r?.Size, r?.Share, r?.Entered, r?.Left, r?.EvaluatedAt, r?.AsOf);
}

/// <summary>One evaluation of a segment (a point of its trend).</summary>
public sealed record SegmentRunView(long Seq, DateTime AsOf, DateTime EvaluatedAt, string? TagRun, long Size, long Entered, long Left, double Share)
{
    public static SegmentRunView Of(SegmentRun r) => new(r.Seq, r.AsOf, r.EvaluatedAt, r.TagRun, r.Size, r.Entered, r.Left, r.Share);
}

/// <summary>One segment: its definition, latest figures and every evaluation (as <c>segment show --json</c>).</summary>
public sealed record SegmentDetail(SegmentSummary Segment, IReadOnlyList<SegmentRunView> Runs);

/// <summary>A segment's size per evaluation (as <c>segment trend --json</c>).</summary>
public sealed record SegmentTrend(string Name, IReadOnlyList<SegmentRunView> Runs);

/// <summary>The body of create and update.</summary>
public sealed record SegmentBody(string? Name, string? Rule, string? Type, string? Description, string? Owner, string? BusinessLine);

/// <summary>What create and update did: the file written and the evaluation (null before any tag run).</summary>
public sealed record SegmentSavedView(string Name, SegmentType Type, string File, bool Evaluated, long? Size, long? Persons, double? Share,
    long? Entered, long? Left, DateTime? AsOf, double? ElapsedMs);

/// <summary>The body of a count: the rule to count, never saved.</summary>
public sealed record CountBody(string? Rule);

/// <summary>A rule's count (as <c>segment count --json</c>): which engine answered and how long it took.</summary>
public sealed record CountView(string Rule, long Size, long Persons, double Share, string Engine, double ElapsedMs, DateTime AsOf, string? Plan);

/// <summary>A page of members in OneID order; <see cref="NextCursor"/> asks for the page after (null: the last page).</summary>
public sealed record MembersPage(string Name, long Seq, DateTime AsOf, long Size, IReadOnlyList<string?> Members, string? NextCursor);

/// <summary>Why a person is in a segment or not (as <c>segment explain --json</c>).</summary>
public sealed record ExplainView(string Segment, [property: System.Text.Json.Serialization.JsonPropertyName("oneid")] string OneId, string Rule, DateTime AsOf, IReadOnlyList<PredicateView> Predicates, bool? Result, bool Member, StoredView? Stored);

public sealed record PredicateView(string Predicate, IReadOnlyDictionary<string, string?> Values, bool? Held);

public sealed record StoredView(long Seq, DateTime AsOf, string Type, bool Member);
