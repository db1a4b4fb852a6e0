namespace TagCenter.Core.Models.Propensity;

/// <summary>How a classifier is trained and judged: the hold-out share (the next share validates), the decision threshold and the seed.</summary>
public sealed record PropensityOptions(int HoldoutPercent = 20, double Threshold = 0.5, int Seed = 1)
{
    /// <summary>Below this many labelled persons (or of either class) no model is fitted.</summary>
    public int MinPersons { get; init; } = 50;

    public int MinPerClass { get; init; } = 10;
}
