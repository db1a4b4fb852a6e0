namespace TagCenter.Core.Tags;

/// <summary>
/// One aggregate a behaviour function needs, computed in the GROUP BY pass of its fact and window.
/// Identical calls in different tags share one column.
/// </summary>
public sealed record AggregateCall(string Fact, string? Window, string Function, string? Column, string? Filter)
{
    public string Alias { get; init; } = "";
}
