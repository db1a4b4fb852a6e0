using TagCenter.Core.Workspace;

namespace TagCenter.Cli.Console;

/// <summary>The system clock, with "local" meaning the workspace's time zone, not the machine's.</summary>
internal sealed class WorkspaceClock : TimeProvider
{
    private readonly TimeZoneInfo _zone;

    private WorkspaceClock(TimeZoneInfo zone) => _zone = zone;

    public override TimeZoneInfo LocalTimeZone => _zone;

    public static TimeProvider For(WorkspaceDefinition workspace) => new WorkspaceClock(workspace.TimeZone);
}
