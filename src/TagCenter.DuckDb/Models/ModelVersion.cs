namespace TagCenter.DuckDb.Models;

/// <summary>One recorded training attempt of a model, as stored in <c>model_versions</c>.</summary>
public sealed record ModelVersion(
    string Model, int Version, string Kind, DateTime TrainedAt, DateTime AsOf, string Parameters, string Metrics,
    string? DataHash, long Persons, string Status, string? Message);
