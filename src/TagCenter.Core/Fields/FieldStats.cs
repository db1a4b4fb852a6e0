namespace TagCenter.Core.Fields;

/// <summary>What the engine measured of one column in one scan of its table.</summary>
public sealed record FieldStats
{
    public required string Table { get; init; }

    public required string Column { get; init; }

    /// <summary>The engine's type name (VARCHAR, DECIMAL(18,2), TIMESTAMP, …).</summary>
    public required string SqlType { get; init; }

    public required long Rows { get; init; }

    /// <summary>Rows whose value is NULL.</summary>
    public required long Nulls { get; init; }

    /// <summary>Rows whose text is empty or blank (text columns only).</summary>
    public long Empty { get; init; }

    /// <summary>Distinct non-null values: exact when <see cref="DistinctExact"/>, else a HyperLogLog estimate.</summary>
    public required long Distinct { get; init; }

    public required bool DistinctExact { get; init; }

    public string? Min { get; init; }

    public string? Max { get; init; }

    /// <summary>For columns counted exactly: the commonest values, most frequent first, with their rows.</summary>
    public IReadOnlyList<ValueCount> Top { get; init; } = [];

    /// <summary>Other columns of the table holding the same value in a share of the rows where either has one.</summary>
    public IReadOnlyList<FieldCopy> Copies { get; init; } = [];

    /// <summary>Rows with a non-blank value.</summary>
    public long Filled => Rows - Nulls - Empty;
}

public readonly record struct ValueCount(string Value, long Rows);

public readonly record struct FieldCopy(string Column, double Share);
