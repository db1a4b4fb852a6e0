using System.Globalization;

namespace TagCenter.Core.Realtime;

/// <summary>
/// Tag values as the engine hands them back (<c>long</c>, <c>decimal</c>, <c>DateTime</c>, <c>DateOnly</c>, text,
/// bool) and as the in-memory evaluator makes them (numbers as <c>decimal</c>): whether two are the same value, and
/// the text the engine's <c>CAST(value AS VARCHAR)</c> gives, which the bitmap index keys its value bitmaps by.
/// </summary>
public static class TagValues
{
    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> are the same tag value (null equals null only).</summary>
    public static bool Same(object? a, object? b) => (Plain(a), Plain(b)) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (bool x, bool y) => x == y,
        (DateTime x, DateTime y) => x == y,
        (DateTime, _) or (_, DateTime) or (string, _) or (_, string) or (bool, _) or (_, bool) => false,
        (var x, var y) => Number(x!) == Number(y!),
    };

    /// <summary>The value as the engine's <c>CAST(… AS VARCHAR)</c> writes it: <c>true</c>, <c>12</c>, <c>12.50</c>, <c>2026-08-01 12:00:00</c>.</summary>
    public static string? Text(object? value) => Plain(value) switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateTime t when t.TimeOfDay == TimeSpan.Zero && value is DateOnly => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    /// <summary>Dates as midnight timestamps, small integers as long: one form per kind of value.</summary>
    public static object? Plain(object? value) => value switch
    {
        null or DBNull => null,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        int or short or sbyte or byte or ushort or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        System.Numerics.BigInteger i => (decimal)i,
        _ => value,
    };

    private static decimal Number(object value) => value switch
    {
        double d => (decimal)d,
        float f => (decimal)f,
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };
}
