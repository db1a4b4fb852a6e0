namespace TagCenter.Core.Tags;

/// <summary>One tag as declared under tags/: its place in the tree, its meaning, and its rule.</summary>
public sealed record TagDefinition
{
    public required string Name { get; init; }

    /// <summary>A stable code name (ascii), used in SQL results and APIs.</summary>
    public required string Code { get; init; }

    /// <summary>维度/主题, the tag's folder in the tree (any depth).</summary>
    public required IReadOnlyList<string> Path { get; init; }

    public required TagKind Kind { get; init; }

    public required TagValueType Type { get; init; }

    public string? Unit { get; init; }

    /// <summary>For enums: the ordered value set.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    public string? Description { get; init; }

    /// <summary>口径: the business definition in words.</summary>
    public string? Definition { get; init; }

    public string? Owner { get; init; }

    public string BusinessLine { get; init; } = "全公司";

    /// <summary>The kind of personal data the tag's value is (<c>pii: phone</c>), masked for callers without pii:read.</summary>
    public Governance.PiiKind? Pii { get; init; }

    public string Refresh { get; init; } = "daily";

    public string Status { get; init; } = "published";

    /// <summary>Why the tag is being retired and what replaces it (<c>deprecated: "…"</c>); null while it is in use.</summary>
    public string? Deprecated { get; init; }

    /// <summary>The rule in the expression language (for model tags: none).</summary>
    public string? Rule { get; init; }

    public required string File { get; init; }

    public int RuleLine { get; init; }

    public int RuleColumn { get; init; }

    public string FullPath => string.Join("/", Path.Append(Name));
}
