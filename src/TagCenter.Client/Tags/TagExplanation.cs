using System.Text.Json.Serialization;

namespace TagCenter.Client;

/// <summary>Why a person holds a tag's value: the stored and recomputed value, the upstream tags and fields the rule reads, each aggregate with the fact rows counted.</summary>
public sealed record TagExplanation(string Tag, string Code, [property: JsonPropertyName("oneid")] string OneId, DateTime AsOf, string? Run,
    string? Stored, string? Computed, string? Rule, IReadOnlyList<ExplainedUpstreamTag> UpstreamTags, IReadOnlyList<ExplainedField> Fields,
    IReadOnlyList<ExplainedAggregate> Aggregates);

public sealed record ExplainedUpstreamTag(string Tag, string Code, string? Value);

public sealed record ExplainedField(string Field, string? Value);

public sealed record ExplainedAggregate(string Expression, string Fact, string? Value, long Rows, IReadOnlyList<ExplainedRow> Shown);

/// <summary>A fact row counted by an aggregate, with the source file and line it was loaded from.</summary>
public sealed record ExplainedRow(string? Source, long? Line, DateTime? At, IReadOnlyDictionary<string, string?> Columns);
