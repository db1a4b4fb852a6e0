namespace TagCenter.Core.Expressions;

/// <summary>Window units: 30d, 12h, 2w, 6mo, 1y.</summary>
public static class Durations
{
    public const string Help = "h (hours), d (days), w (weeks), mo (months), y (years), e.g. 30d";

    public static string? Unit(string unit) => unit switch
    {
        "h" => "HOUR",
        "d" => "DAY",
        "w" => "WEEK",
        "mo" => "MONTH",
        "y" => "YEAR",
        _ => null,
    };

    /// <summary>The window as an SQL interval literal, e.g. <c>INTERVAL 30 DAY</c>.</summary>
    public static string Sql(string duration)
    {
        var digits = new string(duration.TakeWhile(char.IsDigit).ToArray());
        return $"INTERVAL {long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture)} {Unit(duration[digits.Length..])}";
    }
}
