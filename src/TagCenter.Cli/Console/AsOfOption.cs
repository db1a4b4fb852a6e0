using System.CommandLine;
using System.Globalization;
using TagCenter.Core.Workspace;

namespace TagCenter.Cli.Console;

/// <summary>The instant tags are computed at: local wall time in the workspace's time zone, and the exact instant.</summary>
internal sealed record AsOf(DateTime Local, DateTimeOffset Instant, bool Given);

/// <summary><c>--as-of</c>: read in the workspace's time zone; a bad value is a usage error listing the accepted formats.</summary>
internal static class AsOfOption
{
    public static Option<string?> Create(Texts t) => new("--as-of") { Description = t["opt.asof"] };

    public static AsOf Read(ParseResult result, Option<string?> option, WorkspaceDefinition workspace)
    {
        var zone = Zone(workspace);
        if (result.GetValue(option) is not { } text)
        {
            var now = TimeProvider.System.GetUtcNow();
            return new AsOf(TimeZoneInfo.ConvertTime(now, zone).DateTime, now, false);
        }
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];
        if (DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return new AsOf(local, new DateTimeOffset(local, zone.GetUtcOffset(local)), true);
        if (DateTimeOffset.TryParseExact(text.Trim(), ["yyyy-MM-ddTHH:mmzzz", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-dd HH:mm:sszzz"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return new AsOf(TimeZoneInfo.ConvertTime(instant, zone).DateTime, instant, true);
        throw new UsageException(TagCenter.Core.Text.Texts.T("error.asof", text));
    }

    public static TimeZoneInfo Zone(WorkspaceDefinition workspace) => TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
}
