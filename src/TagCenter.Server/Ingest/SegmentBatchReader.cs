using System.Text.Json;

namespace TagCenter.Server.Ingest;

/// <summary>
/// The fast path of <see cref="SegmentParser"/> for <c>/v1/batch</c>: one <see cref="Utf8JsonReader"/> pass over the
/// body builds the messages without a <see cref="JsonDocument"/> (whose build was most of an ingest request's CPU).
/// It takes only batches it can decide alone, and a batch it takes is exactly what the document path takes, with the
/// same messages. Anything else returns null and the document path decides and words the errors: any rule broken,
/// an escaped or repeated property name, a field the server sets itself, <c>"messageId": null</c>, a null type.
/// </summary>
internal static class SegmentBatchReader
{
    private const int Type = 0, MessageId = 1, UserId = 2, AnonymousId = 3, PreviousId = 4, GroupId = 5, Event = 6, Name = 7,
        Category = 8, Traits = 9, Properties = 10, Context = 11, Integrations = 12, Timestamp = 13, SentAt = 14, OriginalTimestamp = 15,
        Reserved = -2, Other = -1;

    /// <summary>The batch, or null when the document path must decide.</summary>
    public static SegmentBatch? TryRead(ReadOnlyMemory<byte> body, SegmentLimits limits)
    {
        if (body.Length > limits.MaxBatchBytes || !System.Text.Unicode.Utf8.IsValid(body.Span))
            return null;
        try
        {
            return Read(body, limits);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;   // not JSON, too deep, or a string that is not text: the document path says which
        }
    }

    private static SegmentBatch? Read(ReadOnlyMemory<byte> body, SegmentLimits limits)
    {
        // The document path's depth limit: two levels for the envelope and the array, then the messages' own.
        var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 3 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return null;
        List<SegmentMessage>? messages = null;
        string? writeKey = null;
        DateTimeOffset? sentAt = null;
        JsonElement? context = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
                return null;
            var name = reader.ValueSpan;
            var field = name.SequenceEqual("batch"u8) ? 1 : name.SequenceEqual("writeKey"u8) ? 2
                : name.SequenceEqual("sentAt"u8) ? 4 : name.SequenceEqual("context"u8) ? 8 : 0;
            if ((seen & field) != 0)
                return null;
            seen |= field;
            reader.Read();
            switch (field)
            {
                case 1:
                    if (reader.TokenType != JsonTokenType.StartArray)
                        return null;
                    messages = new List<SegmentMessage>(Math.Min(100, body.Length / 64 + 1));
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (Message(ref reader, body, limits) is not { } message)
                            return null;
                        messages.Add(message);
                    }
                    if (messages.Count == 0)
                        return null;
                    break;
                case 2:
                    if (reader.TokenType == JsonTokenType.String)
                        writeKey = reader.GetString();
                    else if (reader.TokenType != JsonTokenType.Null)
                        return null;
                    break;
                case 4:
                    if (reader.TokenType == JsonTokenType.String && (sentAt = JsonChecks.ParseTime(reader.GetString()!)) is null)
                        return null;
                    reader.Skip();
                    break;
                case 8:
                    if (reader.TokenType == JsonTokenType.StartObject)
                        context = JsonElement.ParseValue(ref reader);   // its own copy, as the document path's Clone
                    else
                        reader.Skip();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        if (messages is null || reader.TokenType != JsonTokenType.EndObject || reader.Read())
            return null;   // no batch, or something after the body's object (the reader throws for most of that itself)
        return new SegmentBatch(messages, writeKey, sentAt, context);
    }

    /// <summary>The message the reader stands at the start of, or null; leaves the reader at its end.</summary>
    private static SegmentMessage? Message(ref Utf8JsonReader reader, ReadOnlyMemory<byte> body, SegmentLimits limits)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            return null;
        var start = (int)reader.TokenStartIndex;
        var texts = new MessageTexts();
        var seen = 0;
        var hasContext = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
                return null;
            var field = Field(reader.ValueSpan);
            if (field == Reserved)
                return null;
            if (field >= 0)
            {
                if ((seen & (1 << field)) != 0)
                    return null;
                seen |= 1 << field;
            }
            reader.Read();
            switch (field)
            {
                case <= Category and >= 0:
                    if (reader.TokenType == JsonTokenType.String)
                        texts[field] = reader.GetString();
                    else if (reader.TokenType != JsonTokenType.Null || field == MessageId || field == Type)
                        return null;   // a wrong type; "messageId": null is the server's to fill; a null type the document path's
                    break;
                case <= Integrations and >= Traits:
                    hasContext |= field == Context;
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        if (!Skip(ref reader, limits.MaxDepth))
                            return null;
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                        return null;
                    break;
                case >= Timestamp:
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        if (Time(ref reader) is not { } time)
                            return null;
                        texts.SetTime(field, time);
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                        return null;
                    break;
                default:
                    if (!Skip(ref reader, limits.MaxDepth))
                        return null;
                    break;
            }
        }
        var length = (int)reader.BytesConsumed - start;
        if (length > limits.MaxEventBytes || SegmentCallTypes.Parse(texts[Type]) is not { } type)
            return null;
        for (var i = MessageId; i <= GroupId; i++)
            if (texts[i] is { Length: var n } && n > limits.MaxIdLength)
                return null;
        var ok = type == SegmentCallType.Alias
            ? Present(texts[UserId]) && Present(texts[PreviousId])
            : Present(texts[UserId]) || Present(texts[AnonymousId]);
        if (!ok || (type == SegmentCallType.Track && !Present(texts[Event])) || (type == SegmentCallType.Group && !Present(texts[GroupId])))
            return null;
        return new SegmentMessage(type, texts[MessageId], texts[UserId], texts[AnonymousId], texts[PreviousId], texts[Event], texts[Name],
            texts[GroupId], texts.TimestampTime, texts.SentAtTime, null, body.Slice(start, length))
        {
            Spliceable = true,
            HasType = true,
            HasContext = hasContext,
        };
    }

    private static bool Present(string? value) => !string.IsNullOrEmpty(value);

    /// <summary>Steps over the value the reader stands at; false when an object or array in it nests deeper than
    /// <paramref name="maxDepth"/> (the message object is depth 1, as in <see cref="JsonChecks.Deeper"/>).</summary>
    private static bool Skip(ref Utf8JsonReader reader, int maxDepth)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            return true;
        var depth = reader.CurrentDepth;
        while (true)
        {
            // The message's StartObject is at reader depth 2 (envelope, array), its depth 1 here.
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth - 1 > maxDepth)
                return false;
            if (!reader.Read())
                return false;
            if (reader.CurrentDepth == depth)
                return true;
        }
    }

    /// <summary>A time string as <see cref="JsonChecks.ParseTime(JsonElement)"/> reads it, or null.</summary>
    private static DateTimeOffset? Time(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (raw.Length > 1 && raw[^1] == (byte)'Z' && raw.Contains((byte)'T') && reader.TryGetDateTimeOffset(out var t))
            return t.ToUniversalTime();
        return JsonChecks.ParseTime(reader.GetString()!);
    }

    private static int Field(ReadOnlySpan<byte> name) => name.Length switch
    {
        4 => name.SequenceEqual("type"u8) ? Type : name.SequenceEqual("name"u8) ? Name : Other,
        5 => name.SequenceEqual("event"u8) ? Event : Other,
        6 => name.SequenceEqual("userId"u8) ? UserId : name.SequenceEqual("traits"u8) ? Traits : name.SequenceEqual("sentAt"u8) ? SentAt : Other,
        7 => name.SequenceEqual("context"u8) ? Context : name.SequenceEqual("groupId"u8) ? GroupId : name.SequenceEqual("_source"u8) ? Reserved : Other,
        8 => name.SequenceEqual("category"u8) ? Category : name.SequenceEqual("writeKey"u8) ? Reserved : Other,
        9 => name.SequenceEqual("messageId"u8) ? MessageId : name.SequenceEqual("timestamp"u8) ? Timestamp : Other,
        10 => name.SequenceEqual("properties"u8) ? Properties : name.SequenceEqual("previousId"u8) ? PreviousId
            : name.SequenceEqual("receivedAt"u8) ? Reserved : Other,
        11 => name.SequenceEqual("anonymousId"u8) ? AnonymousId : Other,
        12 => name.SequenceEqual("integrations"u8) ? Integrations : Other,
        17 => name.SequenceEqual("originalTimestamp"u8) ? OriginalTimestamp : Other,
        _ => Other,
    };

    /// <summary>The string fields of one message by field number, and its two kept times (no array per message).</summary>
    private struct MessageTexts
    {
        private string? _type, _messageId, _userId, _anonymousId, _previousId, _groupId, _event, _name, _category;

        public DateTimeOffset? TimestampTime { get; private set; }

        public DateTimeOffset? SentAtTime { get; private set; }

        public string? this[int field]
        {
            readonly get => field switch
            {
                Type => _type,
                MessageId => _messageId,
                UserId => _userId,
                AnonymousId => _anonymousId,
                PreviousId => _previousId,
                GroupId => _groupId,
                Event => _event,
                Name => _name,
                _ => _category,
            };
            set
            {
                switch (field)
                {
                    case Type: _type = value; break;
                    case MessageId: _messageId = value; break;
                    case UserId: _userId = value; break;
                    case AnonymousId: _anonymousId = value; break;
                    case PreviousId: _previousId = value; break;
                    case GroupId: _groupId = value; break;
                    case Event: _event = value; break;
                    case Name: _name = value; break;
                    default: _category = value; break;
                }
            }
        }

        public void SetTime(int field, DateTimeOffset time)
        {
            if (field == Timestamp)
                TimestampTime = time;
            else if (field == SentAt)
                SentAtTime = time;
        }
    }
}
