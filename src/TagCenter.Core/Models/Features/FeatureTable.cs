namespace TagCenter.Core.Models.Features;

/// <summary>
/// The feature tags of a set of persons, column by column (a million persons × thirty features is 120 MB of floats,
/// not thirty million boxed values). Row <c>i</c> of every column belongs to <c>OneIds[i]</c>.
/// </summary>
public sealed class FeatureTable
{
    public FeatureTable(IReadOnlyList<string> oneIds, IReadOnlyList<FeatureColumn> columns)
    {
        foreach (var column in columns)
            if ((column.Numbers?.Length ?? column.Texts?.Length ?? -1) != oneIds.Count)
                throw new ArgumentException($"feature {column.Name} has not one value per person", nameof(columns));
        OneIds = oneIds;
        Columns = columns;
    }

    public IReadOnlyList<string> OneIds { get; }

    public IReadOnlyList<FeatureColumn> Columns { get; }

    public int Count => OneIds.Count;
}
