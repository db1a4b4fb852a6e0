namespace TagCenter.Client;

/// <summary>One tag: its dictionary entry (and the draft not yet published), lineage, the distribution of the last run that computed it, coverage per run.</summary>
public sealed record TagDetail(TagView Tag, bool Published, TagView? Draft, TagLineageGraph Lineage,
    IReadOnlyList<TagValueCount> Distribution, string? Quantiles, long Persons, IReadOnlyList<TagCoverage> Coverage);

/// <summary>How many persons hold a value (null: no value).</summary>
public sealed record TagValueCount(string? Value, long Persons);

/// <summary>In one tag run: how many persons held a value of how many it tagged.</summary>
public sealed record TagCoverage(string RunId, DateTime AsOf, long WithValue, long Persons, double Coverage);

/// <summary>Lineage as nodes (<c>source:…</c>, <c>table:…</c>, <c>column:…</c>, <c>tag:…</c>, <c>segment:…</c>) and edges from input to output.</summary>
public sealed record TagLineageGraph(IReadOnlyList<LineageNode> Nodes, IReadOnlyList<LineageEdge> Edges);

public sealed record LineageNode(string Id, string Kind, string Name);

public sealed record LineageEdge(string From, string To);
