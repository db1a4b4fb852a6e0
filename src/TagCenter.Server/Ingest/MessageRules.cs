using System.Runtime.InteropServices;
using System.Text.Json;

namespace TagCenter.Server.Ingest;

/// <summary>
/// The Tracking API's rules for one message: a known <c>type</c>; <c>userId</c> or <c>anonymousId</c> (alias
/// needs <c>userId</c> and <c>previousId</c>); <c>event</c> for track, <c>groupId</c> for group; strings where
/// strings are due, objects for traits/properties/context, ISO-8601 times; the 32 KB size and the depth limit.
/// The message's properties are read in one pass (<see cref="MessageFields"/>); the message keeps pointing into the
/// request's document, so nothing is copied per event.
/// </summary>
internal static class MessageRules
{
    private static readonly string[] IdFields = ["messageId", "userId", "anonymousId", "previousId", "groupId"];
    private static readonly string[] TextFields = ["event", "name", "category"];
    private static readonly string[] ObjectFields = ["traits", "properties", "context", "integrations"];
    private static readonly string[] TimeFields = ["timestamp", "sentAt", "receivedAt", "originalTimestamp"];

    /// <summary>The message, or null after adding its errors to <paramref name="errors"/>. <paramref name="body"/> is
    /// the memory the document was parsed from (for <see cref="SegmentMessage.Raw"/> without a copy).</summary>
    public static SegmentMessage? Validate(JsonElement message, int? index, string path, SegmentCallType? implied,
        SegmentLimits limits, IngestErrors errors, ReadOnlyMemory<byte> body)
    {
        var before = errors.Total;
        if (message.ValueKind != JsonValueKind.Object)
        {
            errors.Add(index, path, "notobject", JsonChecks.Kind(message.ValueKind));
            return null;
        }
        var raw = JsonMarshal.GetRawUtf8Value(message);
        if (raw.Length > limits.MaxEventBytes)
            errors.Add(index, path, "eventsize", raw.Length, limits.MaxEventBytes);
        if (JsonChecks.Deeper(message, limits.MaxDepth) && JsonChecks.TooDeep(message, path, limits.MaxDepth) is { } deep)
            errors.Add(index, deep, "depth", limits.MaxDepth);

        var fields = MessageFields.Read(message);
        var typeName = Text(fields.Type, "type", index, path, errors);
        var type = implied ?? SegmentCallTypes.Parse(typeName);
        if (implied is null && typeName is null && fields.Type is null)
            errors.Add(index, path + ".type", "missing");
        else if (type is null && typeName is not null)
            errors.Add(index, path + ".type", "type", typeName, string.Join(", ", SegmentCallTypes.Names));

        var ids = new string?[IdFields.Length];
        for (var i = 0; i < IdFields.Length; i++)
        {
            ids[i] = Text(fields.Id(i), IdFields[i], index, path, errors);
            if (ids[i] is { Length: var n } && n > limits.MaxIdLength)
                errors.Add(index, $"{path}.{IdFields[i]}", "idlength", n, limits.MaxIdLength);
        }
        var (messageId, userId, anonymousId, previousId, groupId) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
        var texts = new string?[TextFields.Length];
        for (var i = 0; i < TextFields.Length; i++)
            texts[i] = Text(fields.TextField(i), TextFields[i], index, path, errors);
        for (var i = 0; i < ObjectFields.Length; i++)
            if (fields.ObjectField(i) is { } value && value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                errors.Add(index, $"{path}.{ObjectFields[i]}", "wrongtype", "object", JsonChecks.Kind(value.ValueKind));
        var times = new DateTimeOffset?[TimeFields.Length];
        for (var i = 0; i < TimeFields.Length; i++)
            if (fields.Time(i) is { ValueKind: JsonValueKind.String } element)
            {
                if ((times[i] = JsonChecks.ParseTime(element)) is null)
                    errors.Add(index, $"{path}.{TimeFields[i]}", "time", element.GetString());
            }
            else
                Text(fields.Time(i), TimeFields[i], index, path, errors);

        switch (type)
        {
            case SegmentCallType.Alias:
                if (!Present(fields.UserId))
                    errors.Add(index, path + ".userId", "missing");
                if (!Present(fields.PreviousId))
                    errors.Add(index, path + ".previousId", "missing");
                break;
            case not null when !Present(fields.UserId) && !Present(fields.AnonymousId):
                errors.Add(index, path, "noid");
                break;
        }
        if (type == SegmentCallType.Track && !Present(fields.Event))
            errors.Add(index, path + ".event", "missing");
        if (type == SegmentCallType.Group && !Present(fields.GroupId))
            errors.Add(index, path + ".groupId", "missing");

        if (errors.Total > before || type is null)
            return null;
        return new SegmentMessage(type.Value, messageId, userId, anonymousId, previousId, texts[0], texts[1], groupId,
            times[0], times[1], times[2], RawOf(raw, body))
        {
            Json = message,
            Spliceable = !fields.Reserved && (messageId is not null || fields.MessageId is null),
            HasType = fields.Type is not null,
            HasContext = fields.Context is not null,
        };
    }

    /// <summary>The message's bytes as a slice of the request body (no copy), or a copy when they are not in it.</summary>
    private static ReadOnlyMemory<byte> RawOf(ReadOnlySpan<byte> raw, ReadOnlyMemory<byte> body) =>
        body.Span.Overlaps(raw, out var offset) ? body.Slice(offset, raw.Length) : raw.ToArray();

    /// <summary>Whether a field is given: not absent, null or an empty string (a wrong type is its own error).</summary>
    private static bool Present(JsonElement? value) =>
        value is { } v && v.ValueKind != JsonValueKind.Null && !(v.ValueKind == JsonValueKind.String && v.ValueEquals(""u8));

    /// <summary>A string field (absent or null → null); any other kind is a wrong-type error.</summary>
    private static string? Text(JsonElement? field, string name, int? index, string path, IngestErrors errors)
    {
        if (field is not { } value || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.String)
            return value.GetString();
        errors.Add(index, $"{path}.{name}", "wrongtype", "string", JsonChecks.Kind(value.ValueKind));
        return null;
    }
}
