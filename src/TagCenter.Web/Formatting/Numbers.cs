using System.Globalization;
using TagCenter.Core.Text;

namespace TagCenter.Web.Formatting;

/// <summary>
/// Numbers as readers of each language write them: English with thousands separators (1,234,567); Chinese with
/// 千分位 below ten thousand and 万 / 亿 above (123.46万, 1.2亿), as Chinese dashboards show crowd sizes.
/// </summary>
public static class Numbers
{
    public static string Count(long value, Language language)
    {
        if (language == Language.En)
            return value.ToString("#,0", CultureInfo.InvariantCulture);
        var abs = Math.Abs(value);
        if (abs >= 100_000_000)
            return Scaled(value / 100_000_000d) + "亿";
        if (abs >= 10_000)
            return Scaled(value / 10_000d) + "万";
        return value.ToString("#,0", CultureInfo.InvariantCulture);
    }

    /// <summary>A share in 0..1 as a percentage with one decimal (12.3%).</summary>
    public static string Share(double value) =>
        double.IsFinite(value) ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Decimal(double value) =>
        double.IsFinite(value) ? value.ToString("#,0.##", CultureInfo.InvariantCulture) : "—";

    // Two decimals at most, none when they are zero: 1.2万, 123.46万, 3万.
    private static string Scaled(double value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("#,0.##", CultureInfo.InvariantCulture);
}
