using System.Globalization;
using TagCenter.Core.Tags;

namespace TagCenter.Core.Index;

/// <summary>Values in a bit-sliced index's integer encoding, for the index builder and for plan literals alike.</summary>
public static partial class PlanBuilder
{
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    private const decimal Limit = 1e17m;

    /// <summary>
    /// <paramref name="value"/> in <paramref name="encoding"/> (integers as they are, decimals × 100, dates as days and
    /// timestamps as seconds since 1970-01-01), exactly: possibly not whole (a literal 3000.555 is 300055.5 cents).
    /// Null when the value does not belong to the encoding (text that is not a date, a date for a number) or is out of range.
    /// </summary>
    public static decimal? Encode(IndexEncoding encoding, object value)
    {
        decimal? encoded = (encoding, value) switch
        {
            (IndexEncoding.Integer, _) when Numeric(value) is { } n => n,
            (IndexEncoding.Cents, _) when Numeric(value) is { } n && Math.Abs(n) < Limit => n * 100,
            (IndexEncoding.Days, DateTime t) when t.TimeOfDay == TimeSpan.Zero => (decimal)(t - Epoch).TotalDays,
            (IndexEncoding.Days, DateOnly d) => d.DayNumber - DateOnly.FromDateTime(Epoch).DayNumber,
            (IndexEncoding.Days, string s) when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) =>
                d.DayNumber - DateOnly.FromDateTime(Epoch).DayNumber,
            (IndexEncoding.Seconds, DateTime t) => (decimal)(t - Epoch).Ticks / TimeSpan.TicksPerSecond,
            (IndexEncoding.Seconds, string s) when DateTime.TryParseExact(s, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) =>
                (decimal)(t - Epoch).Ticks / TimeSpan.TicksPerSecond,
            _ => null,
        };
        return encoded is { } e && Math.Abs(e) < Limit ? e : null;
    }

    private static readonly string[] TimestampFormats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFF"];

    private static decimal? Numeric(object value) => value switch
    {
        decimal d => d,
        long l => l,
        int i => i,
        double d when double.IsFinite(d) && Math.Abs(d) < 1e17 => (decimal)d,
        _ => null,
    };
}
