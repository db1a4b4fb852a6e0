namespace TagCenter.DuckDb.Activation;

/// <summary>A clock whose "local" is the workspace's time zone, not the machine's (schedules are read in it); time itself comes from the inner clock.</summary>
internal sealed class ZonedTime(TimeProvider inner, TimeZoneInfo zone) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => zone;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
