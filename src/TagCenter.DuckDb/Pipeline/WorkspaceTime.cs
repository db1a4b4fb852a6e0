using TagCenter.Core.Workspace;

namespace TagCenter.DuckDb.Pipeline;

/// <summary>A clock whose "local" is the workspace's time zone, not the machine's (plans and runs read wall-clock times there).</summary>
public sealed class WorkspaceTime : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly TimeZoneInfo _zone;

    private WorkspaceTime(TimeProvider inner, TimeZoneInfo zone)
    {
        _inner = inner;
        _zone = zone;
    }

    public override TimeZoneInfo LocalTimeZone => _zone;

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public static TimeProvider For(WorkspaceDefinition workspace, TimeProvider time) => new WorkspaceTime(time, workspace.TimeZone);

    /// <summary>The workspace's wall clock now.</summary>
    public static DateTime Now(WorkspaceDefinition workspace, TimeProvider time) =>
        TimeZoneInfo.ConvertTime(time.GetUtcNow(), workspace.TimeZone).DateTime;
}
