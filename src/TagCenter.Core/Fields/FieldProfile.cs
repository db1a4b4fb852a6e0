namespace TagCenter.Core.Fields;

/// <summary>One line of the field inventory (字段盘点): measurements, cleansing, usage, class and the evidence for it.</summary>
public sealed record FieldProfile
{
    public required FieldStats Stats { get; init; }

    /// <summary>The declared source (src_ tables) or the sources feeding the fact (fact_ tables).</summary>
    public required string Source { get; init; }

    public required FieldUsage Usage { get; init; }

    /// <summary>Share of the source's rows quarantined because of this column in its last load.</summary>
    public double Quarantined { get; init; }

    /// <summary>Share of the source's rows whose value in this column cleansing set to NULL.</summary>
    public double Nulled { get; init; }

    public required FieldClass Class { get; init; }

    /// <summary>The class the evidence gives; differs from <see cref="Class"/> only when the workspace pinned another.</summary>
    public FieldClass? EvidenceClass { get; init; }

    /// <summary>Set when the workspace pins this field's class by hand (<c>fields:</c>).</summary>
    public FieldPinInfo? Pin { get; init; }

    /// <summary>A pinned class the evidence does not support (e.g. pinned core, used by nothing).</summary>
    public bool PinDisagrees => Pin is not null && EvidenceClass is { } evidence && evidence != Pin.Class;

    /// <summary>Why the class, in words (the current language).</summary>
    public required IReadOnlyList<string> Evidence { get; init; }

    public string Table => Stats.Table;

    public string Column => Stats.Column;

    public double NullShare => Stats.Rows == 0 ? 0 : (double)Stats.Nulls / Stats.Rows;

    public double EmptyShare => Stats.Rows == 0 ? 0 : (double)Stats.Empty / Stats.Rows;

    public double Coverage => Stats.Rows == 0 ? 0 : (double)Stats.Filled / Stats.Rows;
}
