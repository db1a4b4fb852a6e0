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

    /// <summary>Whether anything nests deeper than <paramref name="maxDepth"/> (no paths built: the quick test before
    /// <see cref="TooDeep"/> finds where).</summary>
    public static bool Deeper(JsonElement element, int maxDepth, int depth = 1)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (depth > maxDepth)
                    return true;
                foreach (var p in element.EnumerateObject())
                    if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && Deeper(p.Value, maxDepth, depth + 1))
                        return true;
                return false;
            case JsonValueKind.Array:
                if (depth > maxDepth)
                    return true;
                foreach (var item in element.EnumerateArray())
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array && Deeper(item, maxDepth, depth + 1))
                        return true;
                return false;
            default:
                return false;
        }
    }

    /// <summary>A string element as <see cref="ParseTime(string)"/> reads it; the usual <c>…Z</c> form is read by the
    /// JSON reader's ISO-8601 parser without making a string (the same instant, in UTC).</summary>
    public static DateTimeOffset? ParseTime(JsonElement element)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length > 3 && raw[^2] == (byte)'Z' && raw.Contains((byte)'T') && element.TryGetDateTimeOffset(out var t))
            return t.ToUniversalTime();
        return ParseTime(element.GetString()!);
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
