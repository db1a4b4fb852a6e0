using System.Globalization;

namespace TagCenter.Demo;

/// <summary>The ways real exports write the same fact. Each method picks one, with realistic odds.</summary>
internal static class DirtyFormats
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Phone(Random random, string phone)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.45 => phone,
            < 0.60 => $"{phone[..3]} {phone[3..7]} {phone[7..]}",
            < 0.72 => "+86-" + phone,
            < 0.80 => "86" + phone,
            < 0.86 => $"{phone[..3]}-{phone[3..7]}-{phone[7..]}",
            < 0.93 => "",
            < 0.975 => phone[..10],                   // a digit lost in re-typing
            < 0.985 => "00000000000",                 // placeholder typed by a clerk
            _ => phone + "0",
        };
    }

    public static string Gender(Random random, bool male)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.5 => male ? "男" : "女",
            < 0.65 => male ? "M" : "F",
            < 0.78 => male ? "1" : "0",
            < 0.86 => male ? "male" : "female",
            < 0.95 => "",
            < 0.99 => "未知",
            _ => "?",
        };
    }

    public static string Date(Random random, DateTime date)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.35 => date.ToString("yyyy-MM-dd", Invariant),
            < 0.55 => $"{date.Year}/{date.Month}/{date.Day}",
            < 0.70 => date.ToString("yyyyMMdd", Invariant),
            < 0.85 => $"{date.Year}年{date.Month}月{date.Day}日",
            < 0.95 => "",
            < 0.99 => date.ToString("yyyy-MM-dd 00:00:00", Invariant),
            _ => $"{date.Year}-02-30",
        };
    }

    public static string Timestamp(Random random, DateTime moment)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.45 => moment.ToString("yyyy-MM-dd HH:mm:ss", Invariant),
            < 0.65 => $"{moment.Year}/{moment.Month}/{moment.Day} {moment:HH:mm}",
            < 0.80 => EpochSeconds(moment).ToString(Invariant),
            < 0.90 => moment.ToString("yyyy-MM-ddTHH:mm:ss", Invariant),
            < 0.997 => $"{moment.Year}年{moment.Month}月{moment.Day}日 {moment:HH:mm:ss}",
            _ => "0000-00-00 00:00:00",
        };
    }

    public static long EpochSeconds(DateTime localChinaTime) =>
        new DateTimeOffset(localChinaTime, TimeSpan.FromHours(8)).ToUnixTimeSeconds();

    public static long EpochMillis(DateTime localChinaTime) =>
        new DateTimeOffset(localChinaTime, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();

    public static string City(Random random, string city)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.5 => city,
            < 0.8 => city + "市",
            < 0.88 => Province(city) is { } p ? p + city + "市" : city,
            < 0.95 => Pinyin(city) ?? city,
            _ => "",
        };
    }

    private static string? Province(string city) => city switch
    {
        "广州" or "深圳" => "广东省",
        "杭州" => "浙江省",
        "南京" or "苏州" => "江苏省",
        "成都" => "四川省",
        "武汉" => "湖北省",
        "西安" => "陕西省",
        "长沙" => "湖南省",
        "青岛" => "山东省",
        "厦门" => "福建省",
        _ => null,
    };

    private static string? Pinyin(string city) => city switch
    {
        "上海" => "Shanghai",
        "北京" => "Beijing",
        "广州" => "Guangzhou",
        "深圳" => "Shenzhen",
        "杭州" => "Hangzhou",
        "成都" => "Chengdu",
        _ => null,
    };

    public static string Yuan(Random random, decimal amount)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.5 => amount.ToString("0.00", Invariant),
            < 0.7 => "¥" + amount.ToString("#,##0.00", Invariant),
            < 0.85 => amount.ToString("0.##", Invariant) + "元",
            < 0.95 => ((long)(amount * 100)).ToString(Invariant) + "分",
            _ => "￥" + amount.ToString("0.00", Invariant),
        };
    }

    /// <summary>Quotes a CSV field when it needs it (RFC 4180).</summary>
    public static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
