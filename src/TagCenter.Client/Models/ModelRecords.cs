using System.Text.Json;

namespace TagCenter.Client;

/// <summary>A model in the list: what it reads and writes, the version in use and how its last training went.</summary>
public sealed record ModelSummary(string Model, string Kind, string? Fact, IReadOnlyList<string> Features, IReadOnlyDictionary<string, string> Outputs,
    string Schedule, string? Owner, int? VersionInUse, DateTime? TrainedAt, DateTime? AsOf, long? Persons, string? LastStatus, string? LastMessage,
    ModelPublication? Published = null);

/// <summary>
/// Whether the model is published (what <c>tagcenter run</c> trains): status <c>published</c>, <c>changed</c> (its file
/// differs; <see cref="Pending"/> says how), <c>new</c> (only in the files) or <c>removed</c> (only published); all but
/// the first wait for apply.
/// </summary>
public sealed record ModelPublication(string Status, bool Published, DateTime? PublishedAt, IReadOnlyList<string> Pending);

/// <summary>One model: its definition, the version in use, each output's distribution, every version.</summary>
public sealed record ModelDetail(string Model, string Kind, string File, ModelInput? Input, IReadOnlyList<string> Features, IReadOnlyList<string> Describe,
    ModelLabel? Label, string? Population, string? Seed, IReadOnlyDictionary<string, string> OutputsToTags, string Schedule, string? Owner,
    ModelVersion? VersionInUse, IReadOnlyList<ModelOutputDistribution> Distribution, IReadOnlyList<ModelVersion> Versions,
    ModelPublication? Published = null);

public sealed record ModelInput(string Fact, string Time, string? Amount, string? Category, string? Basket, IReadOnlyDictionary<string, string>? Where);

public sealed record ModelLabel(string Kind, int Days, string? Tag, IReadOnlyList<string> Positive, IReadOnlyList<string> Negative);

/// <summary>A trained version: its parameters and metrics as the trainer wrote them.</summary>
public sealed record ModelVersion(int Version, string Status, string? Message, DateTime TrainedAt, DateTime AsOf, long Persons, string? DataHash,
    JsonElement Parameters, JsonElement Metrics);

/// <summary>An output's values: counts per value for a label, or sum, mean, min and max for a score.</summary>
public sealed record ModelOutputDistribution(string Output, string? Tag, long Persons, IReadOnlyDictionary<string, long>? Counts,
    double? Sum, double? Mean, double? Min, double? Max);
