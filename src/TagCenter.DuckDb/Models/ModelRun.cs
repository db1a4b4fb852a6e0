namespace TagCenter.DuckDb.Models;

/// <summary>What one training produced besides its outputs: the parameters (declared and fitted) and the metrics to record.</summary>
internal sealed record ModelRun(long Persons, IReadOnlyDictionary<string, object?> Parameters, IReadOnlyDictionary<string, object?> Metrics);
