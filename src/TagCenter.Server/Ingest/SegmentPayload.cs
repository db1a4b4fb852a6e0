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
    public static byte[] ToLogPayload(SegmentMessage message, SegmentBatch batch, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(batch);
        using var buffer = new MemoryStream(message.Raw.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in message.Json.EnumerateObject())
                if (property.Name is not ("receivedAt" or "writeKey"))
                    property.WriteTo(writer);
            if (message.SentAt is null && batch.SentAt is { } sentAt)
                writer.WriteString("sentAt", sentAt);
            if (!message.Json.TryGetProperty("context", out _) && batch.Context is { } context)
            {
                writer.WritePropertyName("context");
                context.WriteTo(writer);
            }
            writer.WriteString("receivedAt", receivedAt);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The top-level <c>messageId</c> of a payload, or null (read without building a document).</summary>
    public static string? MessageIdOf(ReadOnlySpan<byte> payload)
    {
        try
        {
            return FindMessageId(payload);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? FindMessageId(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("messageId"u8);
            reader.Read();
            if (isId)
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            reader.Skip();
        }
        return null;
    }
}
