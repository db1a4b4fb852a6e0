namespace TagCenter.Core.Tags;

/// <summary>The types values and expressions can have.</summary>
public enum TagValueType
{
    Unknown,
    Null,
    Bool,
    Int,
    Decimal,
    String,
    Date,
    Timestamp,
    List,
    Duration,
}

public static class TagValueTypes
{
    public static bool IsNumber(this TagValueType t) => t is TagValueType.Int or TagValueType.Decimal or TagValueType.Null or TagValueType.Unknown;

    public static bool IsTime(this TagValueType t) => t is TagValueType.Date or TagValueType.Timestamp or TagValueType.Null or TagValueType.Unknown;

    /// <summary>Whether two types can be compared with = and &lt;.</summary>
    public static bool Comparable(TagValueType a, TagValueType b) =>
        a == b || a is TagValueType.Null or TagValueType.Unknown || b is TagValueType.Null or TagValueType.Unknown
        || (a.IsNumber() && b.IsNumber()) || (a.IsTime() && b.IsTime()) || (a.IsTime() && b == TagValueType.String) || (b.IsTime() && a == TagValueType.String);

    public static string Sql(this TagValueType t) => t switch
    {
        TagValueType.Bool => "BOOLEAN",
        TagValueType.Int => "BIGINT",
        TagValueType.Decimal => "DECIMAL(18,2)",
        TagValueType.Date => "DATE",
        TagValueType.Timestamp => "TIMESTAMP",
        TagValueType.List => "VARCHAR[]",
        _ => "VARCHAR",
    };

    /// <summary>From a DuckDB column type name.</summary>
    public static TagValueType FromSql(string sqlType) => sqlType.ToUpperInvariant() switch
    {
        "BOOLEAN" => TagValueType.Bool,
        "BIGINT" or "INTEGER" or "SMALLINT" or "TINYINT" or "HUGEINT" => TagValueType.Int,
        var s when s.StartsWith("DECIMAL", StringComparison.Ordinal) || s is "DOUBLE" or "FLOAT" => TagValueType.Decimal,
        "DATE" => TagValueType.Date,
        var s when s.StartsWith("TIMESTAMP", StringComparison.Ordinal) => TagValueType.Timestamp,
        var s when s.EndsWith("[]", StringComparison.Ordinal) => TagValueType.List,
        _ => TagValueType.String,
    };
}
