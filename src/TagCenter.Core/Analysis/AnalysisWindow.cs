using TagCenter.Core.Expressions;
using TagCenter.Core.Text;

namespace TagCenter.Core.Analysis;

/// <summary>
/// Windows of the analysis commands (<c>--within 7d</c>), written like the rule language's windows. Funnels and
/// paths measure a window forward from an event, so they need a fixed length: hours, days or weeks.
/// </summary>
public static class AnalysisWindow
{
    /// <summary>The window <paramref name="text"/> names (30d, 12h, 2w, 6mo, 1y); a usage error otherwise.</summary>
    public static Window Parse(string? text)
    {
        var trimmed = (text ?? "").Trim().ToLowerInvariant();
        var digits = new string([.. trimmed.TakeWhile(char.IsAsciiDigit)]);
        var unit = Durations.Unit(trimmed[digits.Length..]);
        return digits.Length > 0 && unit is { } u && Durations.Parse(digits, u) is { } window
            ? window
            : throw new AnalysisInputException(Texts.T("analysis.window.bad", text ?? "", Durations.Ranges));
    }

    /// <summary>A window of fixed length (h, d, w) as a time span; months and years are a usage error here.</summary>
    public static TimeSpan Fixed(string? text)
    {
        var window = Parse(text);
        return window.Unit switch
        {
            WindowUnit.Hour => TimeSpan.FromHours(window.Amount),
            WindowUnit.Day => TimeSpan.FromDays(window.Amount),
            WindowUnit.Week => TimeSpan.FromDays(7.0 * window.Amount),
            _ => throw new AnalysisInputException(Texts.T("analysis.window.fixed", text ?? "")),
        };
    }
}
