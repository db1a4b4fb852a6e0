using System.Globalization;
using TagCenter.Core.Text;

namespace TagCenter.Core.Tags;

/// <summary>
/// Reads an <c>--as-of</c> time. A bare date means midnight at the START of that day: <c>2026-06-30</c> computes
/// what was known when 30 June began, so that day's events are not included (write <c>2026-07-01</c> to include
/// them). Times without an offset are wall-clock times in the workspace's time zone; a time with an offset
/// (<c>…+08:00</c>, <c>…Z</c>) is the instant it names, converted into that zone.
/// </summary>
public static class AsOf
{
    private static readonly string[] DateOnly = ["yyyy-MM-dd"];

    private static readonly string[] Local =
    [
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    private static readonly string[] WithOffset =
    [
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd HH:mmzzz", "yyyy-MM-dd HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    /// <summary>The formats accepted, for help texts.</summary>
    public const string Formats = "2026-06-30 | 2026-06-30 23:59:59 | 2026-06-30T18:00 | 2026-06-30T18:00+08:00";

    public static AsOfResult Parse(string? text, TimeZoneInfo zone)
    {
        try
        {
            return ParseIn(text, zone);
        }
        catch (ArgumentOutOfRangeException)
        {
            // 0001-01-01 in a zone east of UTC is before the first instant .NET can hold.
            return Failed((text ?? "").Trim(), zone);
        }
    }

    private static AsOfResult ParseIn(string? text, TimeZoneInfo zone)
    {
        var input = (text ?? "").Trim();
        const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces;
        if (DateTime.TryParseExact(input, DateOnly, CultureInfo.InvariantCulture, styles, out var day))
            return InZone(input, day.Date, zone);
        if (DateTime.TryParseExact(input, Local, CultureInfo.InvariantCulture, styles, out var local))
            return InZone(input, local, zone);
        if (DateTimeOffset.TryParseExact(input, WithOffset, CultureInfo.InvariantCulture, input.EndsWith('Z') ? DateTimeStyles.AssumeUniversal : styles, out var instant))
        {
            var there = TimeZoneInfo.ConvertTime(instant, zone);
            return new AsOfResult(DateTime.SpecifyKind(there.DateTime, DateTimeKind.Unspecified), there, null);
        }
        return Failed(input, zone);
    }

    private static AsOfResult InZone(string input, DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
            return Failed(input, zone);
        return new AsOfResult(local, new DateTimeOffset(local, zone.GetUtcOffset(local)), null);
    }

    private static AsOfResult Failed(string input, TimeZoneInfo zone) => new(null, null, Texts.T("tags.asof.invalid", input, Formats, zone.Id));
}

/// <summary>
/// A parsed as-of time: <see cref="Local"/> is the wall-clock time in the workspace's zone (what runs compare
/// event times with), <see cref="Instant"/> the same moment with its offset (to print); or an <see cref="Error"/>.
/// </summary>
public sealed record AsOfResult(DateTime? Local, DateTimeOffset? Instant, string? Error)
{
    public bool Success => Error is null;
}
