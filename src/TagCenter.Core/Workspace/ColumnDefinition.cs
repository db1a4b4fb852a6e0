namespace TagCenter.Core.Workspace;

/// <summary>One declared column of a source: where it comes from, its type, and its cleansing rules.</summary>
public sealed record ColumnDefinition
{
    public required string Name { get; init; }

    /// <summary>The header (CSV), JSON path (JSONL, dotted) or column name (Parquet, PostgreSQL) to read from.</summary>
    public required string From { get; init; }

    public ColumnType Type { get; init; } = ColumnType.String;

    public bool Required { get; init; }

    /// <summary>The identifier type this column carries (member_no, phone, ...), if any.</summary>
    public string? Identifier { get; init; }

    /// <summary>Unit of an amount column when the value carries none: "yuan" (default) or "fen" (分, divided by 100).</summary>
    public string Unit { get; init; } = "yuan";

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    /// <summary>A regular expression the cleansed value must match fully.</summary>
    public string? Pattern { get; init; }

    /// <summary>A regular expression that marks the row as junk (test accounts and the like).</summary>
    public string? RejectPattern { get; init; }

    /// <summary>Allowed values after cleansing (a closed set), if any.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Raw spellings mapped to a canonical value before checks, e.g. VIP → 金卡.</summary>
    public IReadOnlyDictionary<string, string>? Map { get; init; }

    /// <summary>The kind of personal data the column holds (<c>pii: name</c>); see <see cref="PiiKind"/>.</summary>
    public Governance.PiiKind? Pii { get; init; }

    /// <summary>The column's personal-data kind: as declared, else phone and email columns are personal data by their type.</summary>
    public Governance.PiiKind? EffectivePii => Pii ?? Type switch
    {
        ColumnType.Phone => Governance.PiiKind.Phone,
        ColumnType.Email => Governance.PiiKind.Email,
        _ => null,
    };

    public InvalidValueAction OnInvalid { get; init; } = InvalidValueAction.Quarantine;
}
