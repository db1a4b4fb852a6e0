namespace TagCenter.Core.Workspace;

/// <summary>The semantic type of a source column; each type brings its standardiser.</summary>
public enum ColumnType
{
    String,
    Int,
    Decimal,
    Bool,
    Date,
    Timestamp,
    Phone,
    Email,
    Gender,
    City,
}
