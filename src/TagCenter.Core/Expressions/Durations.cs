using System.Globalization;

namespace TagCenter.Core.Expressions;

/// <summary>The unit of a window.</summary>
public enum WindowUnit
{
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// <summary>A window such as 30d: a whole number of units, 1 up to 100 years' worth.</summary>
public readonly record struct Window(int Amount, WindowUnit Unit)
{
    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + Durations.Suffix(Unit);
}

/// <summary>Window units: 30d, 12h, 2w, 6mo, 1y.</summary>
public static class Durations
{
    public static WindowUnit? Unit(string unit) => unit switch
    {
        "h" => WindowUnit.Hour,
        "d" => WindowUnit.Day,
        "w" => WindowUnit.Week,
        "mo" => WindowUnit.Month,
        "y" => WindowUnit.Year,
        _ => null,
    };

    public static string Suffix(WindowUnit unit) => unit switch
    {
        WindowUnit.Hour => "h",
        WindowUnit.Day => "d",
        WindowUnit.Week => "w",
        WindowUnit.Month => "mo",
        _ => "y",
    };

    /// <summary>The largest window per unit: 100 years in that unit. Longer windows mean "all history" (leave out within:).</summary>
    public static int Max(WindowUnit unit) => unit switch
    {
        WindowUnit.Hour => 876_000,
        WindowUnit.Day => 36_500,
        WindowUnit.Week => 5_200,
        WindowUnit.Month => 1_200,
        _ => 100,
    };

    /// <summary>The accepted range of every unit, for messages: 1–876000h, 1–36500d, …</summary>
    public static string Ranges => string.Join(", ", Enum.GetValues<WindowUnit>().Select(u => $"1–{Max(u)}{Suffix(u)}"));

    /// <summary>Reads <paramref name="digits"/> + <paramref name="unit"/>; null when the number is 0 or beyond the unit's maximum.</summary>
    public static Window? Parse(string digits, WindowUnit unit) =>
        digits.Length <= 9 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= Max(unit)
            ? new Window(n, unit)
            : null;

    /// <summary><paramref name="time"/> minus the window, as the SQL computes it.</summary>
    public static DateTime Before(DateTime time, Window window) => window.Unit switch
    {
        WindowUnit.Hour => time.AddHours(-window.Amount),
        WindowUnit.Day => time.AddDays(-window.Amount),
        WindowUnit.Week => time.AddDays(-7.0 * window.Amount),
        WindowUnit.Month => time.AddMonths(-window.Amount),
        _ => time.AddYears(-window.Amount),
    };
}
