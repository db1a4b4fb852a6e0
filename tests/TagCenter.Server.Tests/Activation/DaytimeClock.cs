namespace TagCenter.Server.Tests.Activation;

/// <summary>
/// The system clock moved to <paramref name="start"/>: it runs at real speed (timers and delays are the system's),
/// but a test that depends on the hour of day (quiet hours 22:00–08:00 in Shanghai) no longer depends on when CI runs.
/// </summary>
public sealed class DaytimeClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _shift = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}
