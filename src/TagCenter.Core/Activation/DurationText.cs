using System.Globalization;

namespace TagCenter.Core.Activation;

/// <summary>Durations as written in activation files: <c>30m</c>, <c>12h</c>, <c>7d</c>, <c>2w</c>.</summary>
public static class DurationText
{
    public static TimeSpan? Parse(string text)
    {
        text = text.Trim();
        if (text.Length < 2 || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return null;
        return char.ToLowerInvariant(text[^1]) switch
        {
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            'w' => TimeSpan.FromDays(7 * n),
            _ => null,
        };
    }
}
