namespace TagCenter.Core.Workspace;

/// <summary>A kind of thing that is tagged: person by default, stores, suppliers, patients...</summary>
public sealed record EntityTypeDefinition(string Name, string? Description);
