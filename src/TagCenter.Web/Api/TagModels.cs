namespace TagCenter.Web.Api;

// The API's JSON for tags (GET /api/v1/tags, /tags/{name}); property names map to its snake_case.

/// <summary>A dimension (维度) of the tag tree with its themes (主题).</summary>
public sealed record TagDimension(string Dimension, IReadOnlyList<TagTheme> Themes);

public sealed record TagTheme(string Theme, IReadOnlyList<TagView> Tags);

/// <summary>One tag as the dictionary describes it: 口径, owner, business line, refresh.</summary>
public sealed record TagView(string Path, string Name, string Code, string Kind, string Type, string? Unit, IReadOnlyList<string> Values,
    string? Description, string? Definition, string? Rule, string? Owner, string BusinessLine, string Refresh, string Status);

/// <summary>One tag with its lineage, value distribution and coverage per run.</summary>
public sealed record TagDetail(TagView Tag, bool Published, TagView? Draft, LineageGraph Lineage, IReadOnlyList<TagValueCount> Distribution,
    string? Quantiles, long Persons, IReadOnlyList<TagCoverage> Coverage);

public sealed record TagValueCount(string? Value, long Persons);

public sealed record TagCoverage(string RunId, DateTime AsOf, long WithValue, long Persons, double Coverage);

public sealed record LineageGraph(IReadOnlyList<LineageNode> Nodes, IReadOnlyList<LineageEdge> Edges);

public sealed record LineageNode(string Id, string Kind, string Name);

public sealed record LineageEdge(string From, string To);
