namespace TagCenter.Core.Analysis;

/// <summary>
/// What to split an analysis by: a column of a per-person table (a golden-record field of <c>dim_person</c>, or a
/// tag's column of <c>person_tags</c>). The first <see cref="Top"/> values by size are shown; the rest add up
/// to "other", persons without a value to "none".
/// </summary>
public sealed record Dimension(string Name, string Table, string Column, int Top = 10)
{
    /// <summary>How many values are shown by default before the rest become "other".</summary>
    public const int DefaultTop = 10;

    /// <summary>The group label the SQL gives the values beyond the top ones.</summary>
    public const string OtherMarker = "\u0001other";

    /// <summary>The group label the SQL gives persons without a value.</summary>
    public const string NoneMarker = "\u0001none";
}
