using System.Buffers;
using System.Text.Json;

namespace TagCenter.Server.Ingest;

/// <summary>
/// The log payload of an accepted message: the message as sent, with the batch's <c>sentAt</c> and
/// <c>context</c> filled in where the message has none (as Segment does) and the server's <c>receivedAt</c>,
/// so a record is self-contained when the consumer applies it, and its <c>messageId</c> can be read back for
/// de-duplication after a restart.
/// </summary>
public static class SegmentPayload
{
    /// <summary>The name of the field that says which event source a record belongs to (the write key's source).</summary>
    public const string SourceField = "_source";

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_added;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    /// <param name="source">The event source the write key named, kept in the record as <see cref="SourceField"/>.</param>
    /// <param name="messageId">The id to store when the message has none (the server made one).</param>
    public static byte[] ToLogPayload(SegmentMessage message, SegmentBatch batch, DateTimeOffset receivedAt, string? source = null, string? messageId = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(batch);
        return message.Spliceable ? Spliced(message, batch, receivedAt, source, messageId) : Rewritten(message, batch, receivedAt, source, messageId);
    }

    /// <summary>The message's bytes as sent with the server's fields appended before its closing brace: no
    /// re-serialisation of what the sender wrote (the usual case).</summary>
    internal static byte[] Spliced(SegmentMessage message, SegmentBatch batch, DateTimeOffset receivedAt, string? source, string? messageId)
    {
        // One writer and buffer per thread for the added fields (nothing awaits in here): no three objects per event.
        var added = t_added ??= new ArrayBufferWriter<byte>(256);
        added.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(added);
        writer.Reset(added);
        writer.WriteStartObject();
        Added(writer, message, batch, receivedAt, source, messageId);
        writer.WriteEndObject();
        writer.Flush();
        var raw = message.Raw.Span;
        var close = raw.LastIndexOf((byte)'}');
        var comma = raw[..close].TrimEnd(" \t\r\n"u8) is [.., (byte)'{'] ? 0 : 1;   // "{}" gets no comma
        var fields = added.WrittenSpan[1..];   // the added object without its "{"
        var payload = new byte[close + comma + fields.Length];
        raw[..close].CopyTo(payload);
        if (comma == 1)
            payload[close] = (byte)',';
        fields.CopyTo(payload.AsSpan(close + comma));
        return payload;
    }

    /// <summary>The message written property by property, leaving out the fields the server sets itself.</summary>
    internal static byte[] Rewritten(SegmentMessage message, SegmentBatch batch, DateTimeOffset receivedAt, string? source, string? messageId)
    {
        using var buffer = new MemoryStream(message.Raw.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in message.Json.EnumerateObject())
                if (property.Name is not ("receivedAt" or "writeKey" or SourceField)
                    && !(message.MessageId is null && messageId is not null && property.NameEquals("messageId"u8)))   // "messageId": null → the server's id
                    property.WriteTo(writer);
            Added(writer, message, batch, receivedAt, source, messageId);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void Added(Utf8JsonWriter writer, SegmentMessage message, SegmentBatch batch, DateTimeOffset receivedAt, string? source, string? messageId)
    {
        if (!message.HasType)
            writer.WriteString("type", message.Type.Name());   // a single call (/v1/track) names its type by the route
        if (message.MessageId is null && messageId is not null)
            writer.WriteString("messageId", messageId);
        if (message.Timestamp is null)
            writer.WriteString("timestamp", receivedAt);   // as Segment: an event without a time happened when it arrived
        if (message.SentAt is null && batch.SentAt is { } sentAt)
            writer.WriteString("sentAt", sentAt);
        if (!message.HasContext && batch.Context is { } context)
        {
            writer.WritePropertyName("context");
            context.WriteTo(writer);
        }
        writer.WriteString("receivedAt", receivedAt);
        if (source is not null)
            writer.WriteString(SourceField, source);
    }

    /// <summary>The top-level <c>messageId</c> of a payload, or null (read without building a document).</summary>
    public static string? MessageIdOf(ReadOnlySpan<byte> payload) => TopLevelString(payload, "messageId"u8);

    /// <summary>The event source a payload was written for (<see cref="SourceField"/>), or null.</summary>
    public static string? SourceOf(ReadOnlySpan<byte> payload) => TopLevelString(payload, "_source"u8);

    /// <summary>A top-level string field of a JSON object, or null (also for invalid JSON).</summary>
    internal static string? TopLevelString(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> name)
    {
        try
        {
            return Find(payload, name);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Find(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> name)
    {
        var reader = new Utf8JsonReader(payload);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals(name);
            reader.Read();
            if (isId)
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            reader.Skip();
        }
        return null;
    }
}
