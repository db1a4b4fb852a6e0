using System.CommandLine;
using TagCenter.Core.Tags;
using TagCenter.Core.Workspace;

namespace TagCenter.Cli.Console;

/// <summary>The instant tags are computed at: wall time in the workspace's time zone, and the exact instant.</summary>
internal sealed record AsOfTime(DateTime Local, DateTimeOffset Instant, bool Given);

/// <summary><c>--as-of</c>: read in the workspace's time zone (<see cref="AsOf"/>); a bad value is a usage error listing the formats.</summary>
internal static class AsOfOption
{
    public static Option<string?> Create(Texts t) => new("--as-of") { Description = t["opt.asof"] };

    public static AsOfTime Read(ParseResult result, Option<string?> option, WorkspaceDefinition workspace)
    {
        if (result.GetValue(option) is not { } text)
            return Now(workspace);
        var parsed = AsOf.Parse(text, workspace.TimeZone);
        return parsed.Error is null
            ? new AsOfTime(parsed.Local!.Value, parsed.Instant!.Value, true)
            : throw new UsageException(parsed.Error);
    }

    public static AsOfTime Now(WorkspaceDefinition workspace)
    {
        var now = TimeProvider.System.GetUtcNow();
        var there = TimeZoneInfo.ConvertTime(now, workspace.TimeZone);
        return new AsOfTime(DateTime.SpecifyKind(there.DateTime, DateTimeKind.Unspecified), there, false);
    }

    /// <summary>A fixed wall time in the workspace's zone (the demo's 2026-11-01).</summary>
    public static AsOfTime At(DateTime local, WorkspaceDefinition workspace) =>
        new(local, new DateTimeOffset(local, workspace.TimeZone.GetUtcOffset(local)), true);
}
