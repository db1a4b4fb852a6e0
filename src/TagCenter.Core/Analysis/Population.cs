namespace TagCenter.Core.Analysis;

/// <summary>
/// Who an analysis looks at: everyone, or the persons a SQL query names (a temp table of a segment's members,
/// the persons a rule holds for). The query returns one column, <c>oneid</c>, and takes no parameters.
/// </summary>
public sealed record Population(string? OneIdQuery, string? Label)
{
    public static Population Everyone { get; } = new(null, null);

    /// <summary>The persons <paramref name="oneIdQuery"/> returns (<c>SELECT oneid FROM …</c>).</summary>
    public static Population FromQuery(string oneIdQuery, string label) => new(oneIdQuery, label);

    /// <summary>An extra condition on a table whose person column is <paramref name="column"/>; empty for everyone.</summary>
    public string Filter(string column) => OneIdQuery is null ? "" : $" AND {column} IN ({OneIdQuery})";
}
