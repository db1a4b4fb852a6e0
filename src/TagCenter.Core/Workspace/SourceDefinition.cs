namespace TagCenter.Core.Workspace;

/// <summary>One declared source: a file or a database table and how to read and cleanse it.</summary>
public sealed record SourceDefinition
{
    public required string Name { get; init; }

    public required SourceKind Kind { get; init; }

    /// <summary>File path relative to the workspace (csv, jsonl, parquet).</summary>
    public string? Path { get; init; }

    public string Encoding { get; init; } = "utf-8";

    public char Delimiter { get; init; } = ',';

    public char Quote { get; init; } = '"';

    public bool Header { get; init; } = true;

    /// <summary>PostgreSQL connection string, or the name of an environment variable holding it (connection_env).</summary>
    public string? Connection { get; init; }

    public string? ConnectionEnv { get; init; }

    public string? Table { get; init; }

    /// <summary>The Segment write key an SDK sends for a <see cref="SourceKind.Segment"/> source, or the name of an
    /// environment variable holding it (<see cref="WriteKeyEnv"/>), so keys need not live in the workspace's git.</summary>
    public string? WriteKey { get; init; }

    public string? WriteKeyEnv { get; init; }

    public string? Query { get; init; }

    public string Entity { get; init; } = "person";

    public string? Description { get; init; }

    public string? EventTime { get; init; }

    public IReadOnlyList<string> Dedupe { get; init; } = [];

    /// <summary>Above this share of rows in quarantine the load fails instead (a wrong delimiter or encoding, usually).</summary>
    public double MaxRejectRatio { get; init; } = 0.5;

    /// <summary>
    /// Largest share of the source's rows one load may remove (0.5: a load may not leave fewer than half the rows);
    /// null: only a load that would empty a source that has rows is refused.
    /// </summary>
    public double? MaxShrink { get; init; }

    public required IReadOnlyList<ColumnDefinition> Columns { get; init; }

    /// <summary>The fact table (<c>fact_&lt;name&gt;</c>) this source's rows join in the unified model, if any.</summary>
    public string? Fact { get; init; }

    /// <summary>For rows without identifiers (order lines): the fact and key whose row's person they take, e.g. orders.order_id.</summary>
    public (string Fact, string Key)? Owner { get; init; }

    public string TableName => "src_" + Name;
}
