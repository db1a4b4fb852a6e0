using System.Runtime.InteropServices;
using System.Text.Json;

namespace TagCenter.Server.Ingest;

/// <summary>
/// The Tracking API's rules for one message: a known <c>type</c>; <c>userId</c> or <c>anonymousId</c> (alias
/// needs <c>userId</c> and <c>previousId</c>); <c>event</c> for track, <c>groupId</c> for group; strings where
/// strings are due, objects for traits/properties/context, ISO-8601 times; the 32 KB size and the depth limit.
/// </summary>
internal static class MessageRules
{
    private static readonly string[] IdFields = ["messageId", "userId", "anonymousId", "previousId", "groupId"];
    private static readonly string[] TextFields = ["event", "name", "category"];
    private static readonly string[] ObjectFields = ["traits", "properties", "context", "integrations"];
    private static readonly string[] TimeFields = ["timestamp", "sentAt", "receivedAt", "originalTimestamp"];

    /// <summary>The message, or null after adding its errors to <paramref name="errors"/>.</summary>
    public static SegmentMessage? Validate(JsonElement message, int? index, string path, SegmentCallType? implied,
        SegmentLimits limits, IngestErrors errors)
    {
        var before = errors.Total;
        if (message.ValueKind != JsonValueKind.Object)
        {
            errors.Add(index, path, "notobject", JsonChecks.Kind(message.ValueKind));
            return null;
        }
        var size = JsonMarshal.GetRawUtf8Value(message).Length;
        if (size > limits.MaxEventBytes)
            errors.Add(index, path, "eventsize", size, limits.MaxEventBytes);
        if (JsonChecks.TooDeep(message, path, limits.MaxDepth) is { } deep)
            errors.Add(index, deep, "depth", limits.MaxDepth);

        var typeName = Text(message, "type", index, path, errors);
        var type = implied ?? SegmentCallTypes.Parse(typeName);
        if (implied is null && typeName is null && !message.TryGetProperty("type", out _))
            errors.Add(index, path + ".type", "missing");
        else if (type is null && typeName is not null)
            errors.Add(index, path + ".type", "type", typeName, string.Join(", ", SegmentCallTypes.Names));

        var ids = new string?[IdFields.Length];
        for (var i = 0; i < IdFields.Length; i++)
        {
            ids[i] = Text(message, IdFields[i], index, path, errors);
            if (ids[i] is { Length: var n } && n > limits.MaxIdLength)
                errors.Add(index, $"{path}.{IdFields[i]}", "idlength", n, limits.MaxIdLength);
        }
        var (messageId, userId, anonymousId, previousId, groupId) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
        var texts = TextFields.Select(f => Text(message, f, index, path, errors)).ToArray();
        foreach (var field in ObjectFields)
            if (message.TryGetProperty(field, out var value) && value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                errors.Add(index, $"{path}.{field}", "wrongtype", "object", JsonChecks.Kind(value.ValueKind));
        var times = new DateTimeOffset?[TimeFields.Length];
        for (var i = 0; i < TimeFields.Length; i++)
            if (Text(message, TimeFields[i], index, path, errors) is { } text && (times[i] = JsonChecks.ParseTime(text)) is null)
                errors.Add(index, $"{path}.{TimeFields[i]}", "time", text);

        switch (type)
        {
            case SegmentCallType.Alias:
                if (!Present(message, "userId"))
                    errors.Add(index, path + ".userId", "missing");
                if (!Present(message, "previousId"))
                    errors.Add(index, path + ".previousId", "missing");
                break;
            case not null when !Present(message, "userId") && !Present(message, "anonymousId"):
                errors.Add(index, path, "noid");
                break;
        }
        if (type == SegmentCallType.Track && !Present(message, "event"))
            errors.Add(index, path + ".event", "missing");
        if (type == SegmentCallType.Group && !Present(message, "groupId"))
            errors.Add(index, path + ".groupId", "missing");

        if (errors.Total > before || type is null)
            return null;
        var own = message.Clone();
        return new SegmentMessage(type.Value, messageId, userId, anonymousId, previousId, texts[0], texts[1], groupId,
            times[0], times[1], times[2], own, JsonMarshal.GetRawUtf8Value(own).ToArray());
    }

    /// <summary>Whether a field is given: not absent, null or an empty string (a wrong type is its own error).</summary>
    private static bool Present(JsonElement message, string field) =>
        message.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null
        && !(value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0);

    /// <summary>A string field (absent or null → null); any other kind is a wrong-type error.</summary>
    private static string? Text(JsonElement message, string field, int? index, string path, IngestErrors errors)
    {
        if (!message.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.String)
            return value.GetString();
        errors.Add(index, $"{path}.{field}", "wrongtype", "string", JsonChecks.Kind(value.ValueKind));
        return null;
    }
}
