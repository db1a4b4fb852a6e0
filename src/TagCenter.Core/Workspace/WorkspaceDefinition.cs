namespace TagCenter.Core.Workspace;

/// <summary>The parsed <c>tagcenter.yaml</c> of a workspace folder.</summary>
public sealed record WorkspaceDefinition
{
    public const string FileName = "tagcenter.yaml";

    public required string Root { get; init; }

    public required string Name { get; init; }

    /// <summary>Country calling code used for phone numbers written without one.</summary>
    public string DefaultCountryCode { get; init; } = "86";

    /// <summary>Whether sources may read files outside the workspace folder (<c>allow_paths_outside: true</c>).</summary>
    public bool AllowPathsOutside { get; init; }

    /// <summary>The workspace's time zone (<c>timezone:</c>, an IANA name; Asia/Shanghai by default).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZone);

    public const string DefaultTimeZone = "Asia/Shanghai";

    public required IReadOnlyList<EntityTypeDefinition> Entities { get; init; }

    public required IReadOnlyList<IdentifierTypeDefinition> Identifiers { get; init; }

    public required IReadOnlyList<SourceDefinition> Sources { get; init; }

    public required IdentityDefinition Identity { get; init; }

    /// <summary>Field classes pinned by hand (<c>fields:</c>), which the inventory checks against its evidence.</summary>
    public IReadOnlyList<FieldPin> FieldPins { get; init; } = [];

    /// <summary>The tag naming convention (<c>conventions.tags</c>); empty means none declared.</summary>
    public TagConvention TagConvention { get; init; } = new();

    public string DatabasePath => System.IO.Path.Combine(Root, ".tagcenter", "tagcenter.duckdb");

    public string Resolve(string relativePath) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, relativePath));

    public SourceDefinition? FindSource(string name) =>
        Sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}
