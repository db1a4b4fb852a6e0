using TagCenter.Core.Sql;

namespace TagCenter.Core.Tags;

/// <summary>
/// One aggregate a behaviour function needs (its window and where: already in its FILTER), computed in the
/// GROUP BY pass of its fact. Identical calls in different tags share one column.
/// </summary>
public sealed record AggregateCall(string Fact, SqlFragment Expression)
{
    public string Alias { get; init; } = "";
}
