using System.Text.Json;

namespace TagCenter.Server.Ingest;

/// <summary>
/// The top-level properties of one message the rules look at, found in one pass over the object (instead of a
/// search per field). A name given twice keeps its last value, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> does.
/// <see cref="Reserved"/> says the message carries a field the server sets itself (<c>receivedAt</c>, <c>writeKey</c>,
/// <c>_source</c>), so its log payload cannot be the message as sent plus the server's fields.
/// </summary>
internal struct MessageFields
{
    public JsonElement? Type, MessageId, UserId, AnonymousId, PreviousId, GroupId;
    public JsonElement? Event, Name, Category;
    public JsonElement? Traits, Properties, Context, Integrations;
    public JsonElement? Timestamp, SentAt, ReceivedAt, OriginalTimestamp;
    public bool Reserved;

    public static MessageFields Read(JsonElement message)
    {
        var f = default(MessageFields);
        foreach (var p in message.EnumerateObject())
        {
            var v = p.Value;
            if (p.NameEquals("type"u8)) f.Type = v;
            else if (p.NameEquals("messageId"u8)) f.MessageId = v;
            else if (p.NameEquals("userId"u8)) f.UserId = v;
            else if (p.NameEquals("anonymousId"u8)) f.AnonymousId = v;
            else if (p.NameEquals("event"u8)) f.Event = v;
            else if (p.NameEquals("properties"u8)) f.Properties = v;
            else if (p.NameEquals("context"u8)) f.Context = v;
            else if (p.NameEquals("timestamp"u8)) f.Timestamp = v;
            else if (p.NameEquals("traits"u8)) f.Traits = v;
            else if (p.NameEquals("integrations"u8)) f.Integrations = v;
            else if (p.NameEquals("name"u8)) f.Name = v;
            else if (p.NameEquals("sentAt"u8)) f.SentAt = v;
            else if (p.NameEquals("originalTimestamp"u8)) f.OriginalTimestamp = v;
            else if (p.NameEquals("category"u8)) f.Category = v;
            else if (p.NameEquals("previousId"u8)) f.PreviousId = v;
            else if (p.NameEquals("groupId"u8)) f.GroupId = v;
            else if (p.NameEquals("receivedAt"u8)) { f.ReceivedAt = v; f.Reserved = true; }
            else if (p.NameEquals("writeKey"u8) || p.NameEquals(SegmentPayload.SourceField)) f.Reserved = true;
        }
        return f;
    }

    /// <summary>messageId, userId, anonymousId, previousId, groupId by position.</summary>
    public readonly JsonElement? Id(int i) => i switch { 0 => MessageId, 1 => UserId, 2 => AnonymousId, 3 => PreviousId, _ => GroupId };

    /// <summary>event, name, category by position.</summary>
    public readonly JsonElement? TextField(int i) => i switch { 0 => Event, 1 => Name, _ => Category };

    /// <summary>traits, properties, context, integrations by position.</summary>
    public readonly JsonElement? ObjectField(int i) => i switch { 0 => Traits, 1 => Properties, 2 => Context, _ => Integrations };

    /// <summary>timestamp, sentAt, receivedAt, originalTimestamp by position.</summary>
    public readonly JsonElement? Time(int i) => i switch { 0 => Timestamp, 1 => SentAt, 2 => ReceivedAt, _ => OriginalTimestamp };
}
