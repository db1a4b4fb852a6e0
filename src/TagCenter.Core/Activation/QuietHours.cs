using System.Globalization;

namespace TagCenter.Core.Activation;

/// <summary>
/// A daily window (in the workspace's time zone) when nothing is delivered, e.g. 22:00-08:00 (it may cross
/// midnight). A delivery due inside it waits until the window ends; it is never dropped.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    /// <summary>Reads <c>HH:mm-HH:mm</c>; null when it is not that or when start equals end (a window of no time or all day).</summary>
    public static QuietHours? Parse(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(parts[1], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            || start == end)
            return null;
        return new QuietHours(start, end);
    }

    public bool Contains(TimeOnly t) => Start < End ? t >= Start && t < End : t >= Start || t < End;

    /// <summary>When a delivery due at <paramref name="at"/> may go: <paramref name="at"/> itself, or the end of the quiet window it falls in.</summary>
    public DateTimeOffset Release(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!Contains(time))
            return at;
        var day = DateOnly.FromDateTime(local.DateTime);
        // Past midnight inside a window that started yesterday, the end is today; before midnight it is tomorrow.
        var endDay = Start < End || time < End ? day : day.AddDays(1);
        var endLocal = endDay.ToDateTime(End);
        return new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal));
    }
}
