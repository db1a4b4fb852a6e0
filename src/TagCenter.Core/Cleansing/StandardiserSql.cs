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

    // Every standardiser has a fast path for the clean, common spelling (a plain cast or one cheap test)
    // and falls back to the slower rules only for the rows that need them: CASE and coalesce are lazy in
    // DuckDB, so the slow branch runs on the dirty few percent, not on every row.

    public static string For(ColumnDefinition column, string v, string countryCode) => column.Type switch
    {
        ColumnType.String => v,
        ColumnType.Int => Int(v),
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

    public static string Int(string v) =>
        $"(CASE WHEN contains({v}, ',') THEN (CASE WHEN regexp_full_match({v}, '[+-]?[0-9]{{1,3}}(,[0-9]{{3}})+') THEN TRY_CAST(replace({v}, ',', '') AS BIGINT) END) " +
        $"WHEN contains({v}, '.') OR contains({v}, 'e') OR contains({v}, 'E') OR contains({v}, 'x') THEN NULL " +
        $"ELSE TRY_CAST({v} AS BIGINT) END)";

    public static string Phone(string v, string countryCode)
    {
        var digits = $"translate({v}, ' -().', '')";
        var international = $"WHEN regexp_full_match({digits}, '(\\+|00)[1-9][0-9]{{6,14}}') AND NOT regexp_full_match({digits}, '(\\+|00)86.*') " +
                            $"THEN '+' || regexp_replace({digits}, '^(\\+|00)', '')";
        if (countryCode != "86")
            return $"(CASE WHEN regexp_full_match({digits}, '0?[1-9][0-9]{{5,13}}') THEN '+{countryCode}' || ltrim({digits}, '0') {international} ELSE NULL END)";
        return $"(CASE WHEN {IsMobile(v)} THEN '+86' || {v} " +
               $"WHEN regexp_full_match({digits}, '(\\+86|0086|86)?1[3-9][0-9]{{9}}') THEN '+86' || right({digits}, 11) " +
               $"{international} ELSE NULL END)";
    }

    /// <summary>A bare mainland mobile number (11 digits, 13x-19x), tested without a regular expression.</summary>
    private static string IsMobile(string v) =>
        $"(strlen({v}) = 11 AND prefix({v}, '1') AND substr({v}, 2, 1) BETWEEN '3' AND '9' AND TRY_CAST({v} AS BIGINT) IS NOT NULL)";

    public static string Email(string v)
    {
        var lowered = $"lower(replace({v}, '＠', '@'))";
        return $"(CASE WHEN regexp_full_match({lowered}, '[a-z0-9._%+\\-]+@[a-z0-9.\\-]+\\.[a-z]{{2,}}') THEN {lowered} ELSE NULL END)";
    }

    public static string Gender(string v) =>
        $"(CASE WHEN {v} IN ('男', 'M', '1') THEN 'male' WHEN {v} IN ('女', 'F', '0') THEN 'female' " +
        $"WHEN lower({v}) IN ('男', 'm', 'male', '1', '先生', 'man') THEN 'male' " +
        $"WHEN lower({v}) IN ('女', 'f', 'female', '0', '2', '女士', 'woman') THEN 'female' " +
        $"WHEN lower({v}) IN ('未知', 'u', 'unknown', '保密', '-1') THEN 'unknown' ELSE NULL END)";

    public static string Bool(string v) =>
        $"(CASE WHEN lower({v}) IN ('true', 't', '1', 'y', 'yes', '是') THEN true " +
        $"WHEN lower({v}) IN ('false', 'f', '0', 'n', 'no', '否') THEN false ELSE NULL END)";

    public static string Timestamp(string v)
    {
        // All digits: 20240105, 20240105100000, epoch seconds or milliseconds, told apart by length.
        var digits = $"CASE strlen({v}) WHEN 8 THEN try_strptime({v}, '%Y%m%d') WHEN 14 THEN try_strptime({v}, '%Y%m%d%H%M%S') " +
                     $"WHEN 10 THEN make_timestamp(CAST({v} AS BIGINT) * 1000000) + INTERVAL {EpochOffsetHours} HOUR " +
                     $"WHEN 13 THEN epoch_ms(CAST({v} AS BIGINT)) + INTERVAL {EpochOffsetHours} HOUR END";
        // Otherwise DuckDB's own cast reads ISO and y/m/d forms (an offset is ignored: local time is kept); only
        // values starting with a year's digit take it, so words like 'epoch' or 'infinity' do not. The rest try
        // the listed formats after 'T' and a trailing zone are removed.
        var cleaned = $"regexp_replace(replace({v}, 'T', ' '), '(Z|[+-]0?8:?00)$', '')";
        return $"(CASE WHEN TRY_CAST({v} AS BIGINT) IS NOT NULL THEN ({digits}) " +
               $"ELSE coalesce(CASE WHEN prefix({v}, '1') OR prefix({v}, '2') THEN TRY_CAST({v} AS TIMESTAMP) END, " +
               $"try_strptime({cleaned}, {SqlText.List(DateFormats)})) END)";
    }

    public static string Decimal(string v, string unit)
    {
        var s = $"regexp_replace({v}, '[,\\s¥￥]|RMB|CNY', '', 'g')";
        var scale = unit == "fen" ? " / 100" : "";
        var slow = $"CASE WHEN ends_with({s}, '分') THEN TRY_CAST(rtrim({s}, '分') AS DECIMAL(18,4)) / 100 " +
                   $"WHEN ends_with({s}, '元') THEN TRY_CAST(rtrim({s}, '元') AS DECIMAL(18,4)) " +
                   $"ELSE TRY_CAST({s} AS DECIMAL(18,4)){scale} END";
        return $"CAST(coalesce(TRY_CAST({v} AS DECIMAL(18,4)){scale}, {slow}) AS DECIMAL(18,2))";
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
        var pinyin = string.Join(" ", Cities.Select(c => $"WHEN {SqlText.Literal(c.Pinyin)} THEN {SqlText.Literal(c.Name)}"));
        var noProvince = $"(CASE WHEN contains({v}, '省') THEN split_part({v}, '省', 2) WHEN contains({v}, '自治区') THEN split_part({v}, '自治区', 2) ELSE {v} END)";
        var name = $"(CASE WHEN suffix({noProvince}, '特别行政区') THEN left({noProvince}, length({noProvince}) - 5) " +
                   $"WHEN suffix({noProvince}, '地区') THEN left({noProvince}, length({noProvince}) - 2) " +
                   $"WHEN suffix({noProvince}, '市') THEN left({noProvince}, length({noProvince}) - 1) ELSE {noProvince} END)";
        var known = string.Join(", ", Known.Select(SqlText.Literal));
        return $"(CASE WHEN {v} IN ({known}) THEN {v} " +
               $"WHEN suffix({v}, '市') AND left({v}, length({v}) - 1) IN ({known}) THEN left({v}, length({v}) - 1) " +
               $"WHEN ascii({v}) < 128 THEN (CASE replace(lower({v}), ' city', '') {pinyin} ELSE NULL END) " +
               $"WHEN length({name}) BETWEEN 2 AND 10 AND regexp_full_match({name}, '\\p{{Han}}+') THEN {name} ELSE NULL END)";
    }

    /// <summary>The largest cities, already in standard form: looked up before any rule runs.</summary>
    private static readonly string[] Known =
    [
        "上海", "北京", "广州", "深圳", "杭州", "成都", "武汉", "南京", "重庆", "天津", "苏州", "西安", "长沙", "青岛",
        "厦门", "郑州", "东莞", "沈阳", "宁波", "昆明", "合肥", "佛山", "福州", "无锡", "济南", "大连", "哈尔滨", "温州",
    ];
}
