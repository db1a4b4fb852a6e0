using System.Globalization;
using System.Text.Json;

namespace TagCenter.Server.Ingest;

/// <summary>Small checks on JSON values shared by the message rules.</summary>
internal static class JsonChecks
{
    /// <summary>The path of the first place deeper than <paramref name="maxDepth"/> (the element itself is depth 1), or null.</summary>
    public static string? TooDeep(JsonElement element, string path, int maxDepth, int depth = 1)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (depth > maxDepth)
                    return path;
                foreach (var p in element.EnumerateObject())
                    if (TooDeep(p.Value, path + "." + p.Name, maxDepth, depth + 1) is { } deep)
                        return deep;
                return null;
            case JsonValueKind.Array:
                if (depth > maxDepth)
                    return path;
                var i = 0;
                foreach (var item in element.EnumerateArray())
                    if (TooDeep(item, $"{path}[{i++}]", maxDepth, depth + 1) is { } deep)
                        return deep;
                return null;
            default:
                return null;
        }
    }

    /// <summary>An ISO-8601 date-time with an offset or Z (what SDKs send), or null.</summary>
    public static DateTimeOffset? ParseTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            && text.Contains('T', StringComparison.Ordinal) ? t : null;

    public static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };
}
