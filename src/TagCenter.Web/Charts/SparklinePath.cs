using System.Globalization;

namespace TagCenter.Web.Charts;

/// <summary>
/// The points of a sparkline (an SVG polyline) for a series of sizes, oldest first: x spread evenly over the width,
/// y scaled between the series' own minimum (bottom) and maximum (top), inset by the stroke so it is not clipped.
/// A flat series is drawn through the middle; fewer than two points draw nothing.
/// </summary>
public static class SparklinePath
{
    public static string Points(IReadOnlyList<long> values, double width, double height, double inset = 1)
    {
        if (values.Count < 2)
            return "";
        long min = values.Min(), max = values.Max();
        var step = (width - 2 * inset) / (values.Count - 1);
        var span = height - 2 * inset;
        return string.Join(' ', values.Select((v, i) =>
        {
            var y = max == min ? height / 2 : inset + span * (max - v) / (max - min);
            return Format(inset + step * i) + "," + Format(y);
        }));
    }

    private static string Format(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
