namespace TagCenter.DuckDb.Models;

/// <summary>What one training produced besides its outputs: the parameters (declared and fitted) and the metrics to record.</summary>
internal sealed record ModelRun(long Persons, IReadOnlyDictionary<string, object?> Parameters, IReadOnlyDictionary<string, object?> Metrics)
{
    /// <summary>A hash of what a model that reads no fact learnt from (its feature tags); null: the fact's hash.</summary>
    public string? DataHash { get; init; }
}
