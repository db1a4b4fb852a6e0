using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TagCenter.DuckDb.Ingest;

/// <summary>
/// SDKs send instants (<c>2026-11-23T07:52:42.000Z</c>); the workspace keeps wall time in its own zone, as every file
/// source does. Before an event is cleansed, each of its time fields that carries a zone is turned into the
/// workspace's wall time, so <c>within 7 days</c>, funnels and hours of day read SDK events like every other event.
/// Values without a zone are left as they are (already wall time, as in files). Every event goes through here twice
/// (the live path and the consumer), so it is one pass of a reader over the log's bytes: the new times are spliced in
/// and everything else is kept byte for byte, with no document built and the text decoded once.
/// </summary>
public static partial class EventTimes
{
    private static readonly string[] Fields = ["timestamp", "originalTimestamp", "sentAt", "receivedAt"];

    /// <summary>The event as the log holds it (UTF-8 JSON), with its zoned times in workspace wall time, as text.</summary>
    /// <exception cref="JsonException">The event is not valid JSON.</exception>
    public static string ToWorkspaceTime(ReadOnlySpan<byte> utf8, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Changes(utf8, zone) is { } changes ? Spliced(utf8, changes) : Encoding.UTF8.GetString(utf8);
    }

    /// <summary>The zoned time values of the top-level time fields: where each string token starts and ends, and the wall time to put there (null: none).</summary>
    private static List<(int Start, int End, string Wall)>? Changes(ReadOnlySpan<byte> bytes, TimeZoneInfo zone)
    {
        var reader = new Utf8JsonReader(bytes);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            while (reader.Read())
            {
                // not an object: nothing to change, but still read to the end (invalid JSON throws, as parsing it would)
            }
            return null;
        }
        List<(int, int, string)>? changes = null;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                continue;
            var timeField = IsTimeField(ref reader);
            reader.Read();
            if (!timeField || reader.TokenType != JsonTokenType.String)
                continue;
            var text = reader.GetString()!;
            if (!Zoned().IsMatch(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
                continue;
            var wall = TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
            (changes ??= []).Add(((int)reader.TokenStartIndex, (int)reader.BytesConsumed, wall));
        }
        return changes;
    }

    private static bool IsTimeField(ref Utf8JsonReader reader)
    {
        foreach (var field in Fields)
            if (reader.ValueTextEquals(field))
                return true;
        return false;
    }

    /// <summary>The event with each change's token replaced by its wall time in quotes (digits and separators: nothing to escape).</summary>
    private static string Spliced(ReadOnlySpan<byte> bytes, List<(int Start, int End, string Wall)> changes)
    {
        var length = bytes.Length;
        foreach (var (start, end, wall) in changes)
            length += wall.Length + 2 - (end - start);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var at = 0;
            var from = 0;
            foreach (var (start, end, wall) in changes)
            {
                bytes[from..start].CopyTo(buffer.AsSpan(at));
                at += start - from;
                buffer[at++] = (byte)'"';
                at += Encoding.ASCII.GetBytes(wall, buffer.AsSpan(at));
                buffer[at++] = (byte)'"';
                from = end;
            }
            bytes[from..].CopyTo(buffer.AsSpan(at));
            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex Zoned();
}
