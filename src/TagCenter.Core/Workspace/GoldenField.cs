namespace TagCenter.Core.Workspace;

/// <summary>How one attribute of the golden record is chosen among the sources that carry it.</summary>
public sealed record GoldenField(string Name, SurvivorshipRule Rule, IReadOnlyList<(string Source, string Column)> From);
