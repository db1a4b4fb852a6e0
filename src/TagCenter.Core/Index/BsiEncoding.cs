using System.Globalization;

namespace TagCenter.Core.Index;

/// <summary>
/// Turns tag values into the longs a <see cref="BitSlicedIndex"/> holds and back into text, per
/// <see cref="IndexEncoding"/>: one place, so the index builder, plans and portraits agree on the scale.
/// </summary>
public static class BsiEncoding
{
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static long Encode(IndexEncoding encoding, object value) => (encoding, value) switch
    {
        (IndexEncoding.Integer, _) => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        (IndexEncoding.Cents, _) => (long)Math.Round(Convert.ToDecimal(value, CultureInfo.InvariantCulture) * 100m, MidpointRounding.AwayFromZero),
        (IndexEncoding.Days, DateOnly d) => d.DayNumber - DateOnly.FromDateTime(Epoch).DayNumber,
        (IndexEncoding.Days, DateTime t) => (long)Math.Floor((t.Date - Epoch).TotalDays),
        (IndexEncoding.Seconds, DateTime t) => (long)Math.Floor((t - Epoch).TotalSeconds),
        _ => throw new ArgumentException($"cannot encode {value.GetType().Name} as {encoding}", nameof(value)),
    };

    /// <summary>The value in canonical text: 3000.50, 2026-08-01, 2026-08-01 12:00:00.</summary>
    public static string Format(IndexEncoding encoding, long value) => encoding switch
    {
        IndexEncoding.Cents => (value / 100m).ToString("0.00", CultureInfo.InvariantCulture),
        IndexEncoding.Days => Epoch.AddDays(value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IndexEncoding.Seconds => Epoch.AddSeconds(value).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };
}
