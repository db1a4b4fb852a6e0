using System.Globalization;
using System.Text.RegularExpressions;

namespace TagCenter.Core.Activation;

/// <summary>At most <see cref="Count"/> deliveries of one trigger to one person within any <see cref="Period"/> (<c>1 per 7d</c>).</summary>
public sealed partial record FrequencyCap(int Count, TimeSpan Period)
{
    /// <summary>Reads <c>&lt;n&gt; per &lt;duration&gt;</c>; null when the text says something else.</summary>
    public static FrequencyCap? Parse(string text)
    {
        var m = Pattern().Match(text.Trim());
        if (!m.Success || !int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || DurationText.Parse(m.Groups[2].Value) is not { } period)
            return null;
        return new FrequencyCap(count, period);
    }

    /// <summary>Whether one more delivery at <paramref name="at"/> stays within the cap, given earlier delivery times.</summary>
    public bool Allows(DateTimeOffset at, IEnumerable<DateTimeOffset> earlier) =>
        earlier.Count(e => e > at - Period) < Count;

    [GeneratedRegex(@"^(\d+)\s*(?:per|/|每)\s*(\S+)$")]
    private static partial Regex Pattern();
}
