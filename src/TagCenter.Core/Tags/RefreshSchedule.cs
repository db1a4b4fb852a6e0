using Cronos;

namespace TagCenter.Core.Tags;

/// <summary>
/// When a tag's batch value is due again: <c>realtime</c> (every run; events also update it as they come),
/// <c>hourly</c>, <c>daily</c> (after midnight), or a cron expression such as <c>0 6 * * 1</c>.
/// </summary>
public static class RefreshSchedule
{
    /// <summary>Null when the schedule is valid, else what is wrong with it.</summary>
    public static string? Problem(string refresh)
    {
        if (refresh is "realtime" or "hourly" or "daily")
            return null;
        try
        {
            CronExpression.Parse(refresh);
            return null;
        }
        catch (CronFormatException e)
        {
            return Text.Texts.T("tags.catalog.refresh", refresh, e.Message);
        }
    }

    /// <summary>Whether a tag last computed at <paramref name="lastRun"/> (UTC; null: never) is due at <paramref name="now"/>.</summary>
    public static bool IsDue(string refresh, DateTime? lastRun, DateTime now, TimeZoneInfo zone)
    {
        if (lastRun is null || refresh == "realtime")
            return true;
        var cron = refresh switch
        {
            "hourly" => "0 * * * *",
            "daily" => "0 0 * * *",
            _ => refresh,
        };
        var next = CronExpression.Parse(cron).GetNextOccurrence(DateTime.SpecifyKind(lastRun.Value, DateTimeKind.Utc), zone);
        return next is { } n && n <= DateTime.SpecifyKind(now, DateTimeKind.Utc);
    }
}
