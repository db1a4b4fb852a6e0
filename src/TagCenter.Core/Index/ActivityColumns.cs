using TagCenter.Core.Expressions;

namespace TagCenter.Core.Index;

/// <summary>
/// Activity columns: per fact (and per frequent event name of the event fact) each person's latest event time up to
/// the index's anchor (the as-of of the tag run it was built for, as the SQL reads rows up to the as-of), in whole
/// days before that anchor: <c>g(t) = floor((anchor − t) / 1 day) ≥ 0</c>. A row without a time, or older than
/// <see cref="Oldest"/> days, is <see cref="Oldest"/>; a person without a row up to the anchor has no value. Then
/// <c>did(f)</c> at the anchor is "has a value", and <c>did(f, within: W)</c>, i.e. <c>t &gt; anchor − W</c>, is
/// exactly <c>g &lt; K</c> when <c>anchor − W</c> lies a whole number K of days before the anchor (the floor of a real
/// is below an integer iff the real is).
/// </summary>
public static class ActivityColumns
{
    /// <summary>
    /// The value of a row without a time or older than this many days: beyond every window a rule can write (the
    /// longest is 100 years, 36,525 days), so it counts for <c>did(f)</c> and never for a window.
    /// </summary>
    public const long Oldest = 40_000;

    /// <summary>The column of <paramref name="fact"/> (or of one event of it); '@' keeps it apart from tag codes.</summary>
    public static string Code(string fact, string? @event) => @event is null ? $"@{fact}" : $"@{fact}/{@event}";

    /// <summary>
    /// The K such that <c>event_time &gt; asOf − window ⇔ g(event_time) &lt; K</c>, or null when the window does not
    /// end a whole number of days before <paramref name="asOf"/> (12h) or reaches past <see cref="Oldest"/>.
    /// </summary>
    public static long? Threshold(DateTime asOf, Window window)
    {
        var back = asOf - Durations.Before(asOf, window);
        if (back.Ticks % TimeSpan.TicksPerDay != 0)
            return null;
        var days = back.Ticks / TimeSpan.TicksPerDay;
        return days is > 0 and < Oldest ? days : null;
    }

    /// <summary>
    /// The column's value for a person from their fact rows (<c>event_time</c>, and <c>event</c> when
    /// <paramref name="event"/> is given), as the index builder computes it in SQL; null without a row up to the anchor.
    /// </summary>
    public static long? Latest(IEnumerable<IReadOnlyDictionary<string, object?>> rows, DateTime anchor, string? @event)
    {
        long? latest = null;
        foreach (var row in rows)
        {
            if (@event is not null && !(row.GetValueOrDefault("event") is string e && string.Equals(e, @event, StringComparison.Ordinal)))
                continue;
            var time = row.GetValueOrDefault("event_time") as DateTime?;
            if (time > anchor)
                continue;
            var days = DaysBefore(anchor, time);
            latest = latest is { } known ? Math.Min(known, days) : days;
        }
        return latest;
    }

    /// <summary><paramref name="time"/> as the column holds it (the index builder computes the same in SQL).</summary>
    public static long DaysBefore(DateTime anchor, DateTime? time) =>
        time is { } t ? Math.Min(Oldest, (anchor - t).Ticks / TimeSpan.TicksPerDay) : Oldest;
}
