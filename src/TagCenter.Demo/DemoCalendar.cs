namespace TagCenter.Demo;

/// <summary>Retail seasonality: 双11 and 618 peaks, a Spring Festival dip, busier weekends.</summary>
public static class DemoCalendar
{
    /// <summary>The demo's "today": data are generated up to here so runs are reproducible.</summary>
    public static readonly DateTime AsOf = new(2026, 11, 1);

    public static readonly DateTime Start = new(2024, 11, 1);

    internal static double Weight(DateTime day)
    {
        var w = day.Month switch { 11 => 1.6, 12 => 1.2, 6 => 1.35, 2 => 0.65, 1 => 0.85, _ => 1.0 };
        if (day.Month == 11 && day.Day is >= 9 and <= 11)
            w *= 3;
        if (day.Month == 6 && day.Day is >= 16 and <= 18)
            w *= 2;
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            w *= 1.25;
        return w;
    }

    /// <summary>A random moment between two days, drawn with the seasonal weights.</summary>
    internal static DateTime Moment(Random random, DateTime from, DateTime to)
    {
        if (to <= from)
            return from;
        var days = Math.Max(1, (int)(to - from).TotalDays);
        for (var attempt = 0; ; attempt++)
        {
            var day = from.Date.AddDays(random.Next(days));
            if (attempt > 8 || random.NextDouble() * 4.8 < Weight(day))
                return day.AddHours(HourOfDay(random)).AddMinutes(random.Next(60)).AddSeconds(random.Next(60));
        }
    }

    private static int HourOfDay(Random random)
    {
        // Evening-heavy, quiet at night.
        int[] weights = [1, 1, 1, 1, 1, 1, 2, 4, 6, 7, 8, 9, 10, 9, 8, 8, 8, 9, 10, 12, 14, 13, 9, 4];
        var roll = random.Next(weights.Sum());
        for (var h = 0; h < 24; h++)
        {
            roll -= weights[h];
            if (roll < 0)
                return h;
        }
        return 20;
    }
}
