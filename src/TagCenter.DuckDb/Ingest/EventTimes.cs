using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TagCenter.DuckDb.Ingest;

/// <summary>
/// SDKs send instants (<c>2026-11-23T07:52:42.000Z</c>); the workspace keeps wall time in its own zone, as every file
/// source does. Before an event is cleansed, each of its time fields that carries a zone is turned into the
/// workspace's wall time, so <c>within 7 days</c>, funnels and hours of day read SDK events like every other event.
/// Values without a zone are left as they are (already wall time, as in files).
/// </summary>
public static partial class EventTimes
{
    private static readonly string[] Fields = ["timestamp", "originalTimestamp", "sentAt", "receivedAt"];

    public static string ToWorkspaceTime(string json, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (JsonNode.Parse(json) is not JsonObject message)
            return json;
        var changed = false;
        foreach (var field in Fields)
        {
            if (message[field] is not JsonValue value || !value.TryGetValue<string>(out var text) || !Zoned().IsMatch(text)
                || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
                continue;
            message[field] = TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
            changed = true;
        }
        return changed ? message.ToJsonString() : json;
    }

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex Zoned();
}
