using TagCenter.Core.Sql;
using TagCenter.Core.Workspace;

namespace TagCenter.Core.Cleansing;

/// <summary>
/// The standardisers, one per column type, as DuckDB SQL expressions over a trimmed, null-normalised
/// VARCHAR. Each returns the standard value, or NULL when the input cannot be understood.
/// </summary>
public static class StandardiserSql
{
    /// <summary>Formats Chinese systems emit, tried in order after 'T' and a trailing zone are removed.</summary>
    public static readonly IReadOnlyList<string> DateFormats =
    [
        "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M", "%Y-%m-%d",
        "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d",
        "%Y%m%d", "%Y%m%d%H%M%S", "%Y.%m.%d",
        "%Y年%m月%d日 %H:%M:%S", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日",
        "%d/%m/%Y",
    ];

    /// <summary>Local wall-clock offset applied to epoch values (the demo's systems run on China Standard Time).</summary>
    public const int EpochOffsetHours = 8;

    public static string For(ColumnDefinition column, string v, string countryCode) => column.Type switch
    {
        ColumnType.String => v,
        ColumnType.Int => $"(CASE WHEN regexp_full_match(replace({v}, ',', ''), '[+-]?[0-9]{{1,18}}') THEN TRY_CAST(replace({v}, ',', '') AS BIGINT) END)",
        ColumnType.Decimal => Decimal(v, column.Unit),
        ColumnType.Bool => Bool(v),
        ColumnType.Date => $"CAST({Timestamp(v)} AS DATE)",
        ColumnType.Timestamp => Timestamp(v),
        ColumnType.Phone => Phone(v, countryCode),
        ColumnType.Email => Email(v),
        ColumnType.Gender => Gender(v),
        ColumnType.City => City(v),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "unknown column type"),
    };

    public static string SqlType(ColumnType type) => type switch
    {
        ColumnType.Int => "BIGINT",
        ColumnType.Decimal => "DECIMAL(18,2)",
        ColumnType.Bool => "BOOLEAN",
        ColumnType.Date => "DATE",
        ColumnType.Timestamp => "TIMESTAMP",
        _ => "VARCHAR",
    };

    public static string Phone(string v, string countryCode)
    {
        var digits = $"regexp_replace({v}, '[\\s\\-\\(\\)\\.]', '', 'g')";
        var national = countryCode == "86"
            ? $"WHEN regexp_full_match({digits}, '(\\+86|0086|86)?1[3-9][0-9]{{9}}') THEN '+86' || right({digits}, 11)"
            : $"WHEN regexp_full_match({digits}, '0?[1-9][0-9]{{5,13}}') THEN '+{countryCode}' || ltrim({digits}, '0')";
        return $"(CASE {national} WHEN regexp_full_match({digits}, '(\\+|00)[1-9][0-9]{{6,14}}') AND NOT regexp_full_match({digits}, '(\\+|00)86.*') " +
               $"THEN '+' || regexp_replace({digits}, '^(\\+|00)', '') ELSE NULL END)";
    }

    public static string Email(string v)
    {
        var lowered = $"lower(replace({v}, '＠', '@'))";
        return $"(CASE WHEN regexp_full_match({lowered}, '[a-z0-9._%+\\-]+@[a-z0-9.\\-]+\\.[a-z]{{2,}}') THEN {lowered} ELSE NULL END)";
    }

    public static string Gender(string v) =>
        $"(CASE WHEN lower({v}) IN ('男', 'm', 'male', '1', '先生', 'man') THEN 'male' " +
        $"WHEN lower({v}) IN ('女', 'f', 'female', '0', '2', '女士', 'woman') THEN 'female' " +
        $"WHEN lower({v}) IN ('未知', 'u', 'unknown', '保密', '-1') THEN 'unknown' ELSE NULL END)";

    public static string Bool(string v) =>
        $"(CASE WHEN lower({v}) IN ('true', 't', '1', 'y', 'yes', '是') THEN true " +
        $"WHEN lower({v}) IN ('false', 'f', '0', 'n', 'no', '否') THEN false ELSE NULL END)";

    public static string Timestamp(string v)
    {
        var cleaned = $"regexp_replace(replace({v}, 'T', ' '), '(Z|[+-]0?8:?00)$', '')";
        return $"(CASE WHEN regexp_full_match({v}, '1[0-9]{{12}}') THEN epoch_ms(CAST({v} AS BIGINT)) + INTERVAL {EpochOffsetHours} HOUR " +
               $"WHEN regexp_full_match({v}, '1[0-9]{{9}}') THEN make_timestamp(CAST({v} AS BIGINT) * 1000000) + INTERVAL {EpochOffsetHours} HOUR " +
               $"ELSE try_strptime({cleaned}, {SqlText.List(DateFormats)}) END)";
    }

    public static string Decimal(string v, string unit)
    {
        var s = $"regexp_replace({v}, '[,\\s¥￥]|RMB|CNY', '', 'g')";
        var plain = unit == "fen"
            ? $"TRY_CAST({s} AS DECIMAL(20,4)) / 100"
            : $"TRY_CAST({s} AS DECIMAL(20,4))";
        return $"CAST(CASE WHEN ends_with({s}, '分') THEN TRY_CAST(rtrim({s}, '分') AS DECIMAL(20,4)) / 100 " +
               $"WHEN ends_with({s}, '元') THEN TRY_CAST(rtrim({s}, '元') AS DECIMAL(20,4)) " +
               $"ELSE {plain} END AS DECIMAL(18,2))";
    }

    private static readonly (string Pinyin, string Name)[] Cities =
    [
        ("beijing", "北京"), ("shanghai", "上海"), ("guangzhou", "广州"), ("shenzhen", "深圳"), ("hangzhou", "杭州"),
        ("chengdu", "成都"), ("wuhan", "武汉"), ("nanjing", "南京"), ("chongqing", "重庆"), ("tianjin", "天津"),
        ("suzhou", "苏州"), ("xian", "西安"), ("xi'an", "西安"), ("changsha", "长沙"), ("qingdao", "青岛"),
        ("xiamen", "厦门"), ("hongkong", "香港"), ("hong kong", "香港"),
    ];

    public static string City(string v)
    {
        var noProvince = $"regexp_replace({v}, '^[^市]{{2,7}}?(省|自治区)', '')";
        var noSuffix = $"regexp_replace({noProvince}, '(市|特别行政区|地区)$', '')";
        var pinyin = string.Join(" ", Cities.Select(c => $"WHEN {SqlText.Literal(c.Pinyin)} THEN {SqlText.Literal(c.Name)}"));
        return $"(CASE lower(regexp_replace({v}, '(?i)\\s*city$', '')) {pinyin} ELSE " +
               $"(CASE WHEN regexp_full_match({noSuffix}, '[\\p{{Han}}]{{2,10}}') THEN {noSuffix} ELSE NULL END) END)";
    }
}
