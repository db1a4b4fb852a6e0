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

    /// <summary>The same columns for the rows named (in that order).</summary>
    public FeatureTable Rows(IReadOnlyList<int> rows) => new([.. rows.Select(r => OneIds[r])],
        [.. Columns.Select(c => c.IsNumeric ? FeatureColumn.Numeric(c.Name, [.. rows.Select(r => c.Numbers![r])]) : FeatureColumn.Categorical(c.Name, [.. rows.Select(r => c.Texts![r])]))]);

    /// <summary>The columns named (in that order), for every row.</summary>
    public FeatureTable Only(IEnumerable<string> names) => new(OneIds, [.. names.Select(n => Columns.First(c => c.Name == n))]);
}
