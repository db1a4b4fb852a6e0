using System.Text.Json;

namespace TagCenter.Server.Ingest;

/// <summary>
/// Parses and validates request bodies of Segment's HTTP Tracking API — <c>POST /v1/batch</c> and the single
/// calls <c>/v1/identify|track|page|screen|group|alias</c> — all or nothing: any error rejects the whole
/// request with every problem listed (<see cref="IngestValidationException"/>), so nothing of a bad batch is
/// accepted. Pure: no I/O, no clock.
/// </summary>
public static class SegmentParser
{
    /// <summary>A <c>/v1/batch</c> body: <c>{"batch": [...], "writeKey"?, "sentAt"?, "context"?}</c>.</summary>
    public static SegmentBatch ParseBatch(ReadOnlySpan<byte> body, SegmentLimits? limits = null) => ParseBatchOver(body.ToArray(), limits);

    /// <summary>As <see cref="ParseBatch(ReadOnlySpan{byte}, SegmentLimits?)"/> over <paramref name="body"/> itself, not a
    /// copy: the batch's messages point into it, so it must stay unchanged until the batch is disposed.</summary>
    internal static SegmentBatch ParseBatchOver(ReadOnlyMemory<byte> body, SegmentLimits? limits = null)
    {
        limits ??= new SegmentLimits();
        return SegmentBatchReader.TryRead(body, limits) ?? ParseBatchDocument(body, limits);
    }

    /// <summary>The batch read through a <see cref="JsonDocument"/>: what decides every batch the fast reader leaves
    /// (<see cref="SegmentBatchReader"/>), and the reference it is tested against.</summary>
    internal static SegmentBatch ParseBatchDocument(ReadOnlyMemory<byte> body, SegmentLimits limits)
    {
        var errors = new IngestErrors(limits.MaxErrors);
        if (body.Length > limits.MaxBatchBytes)
        {
            errors.Add(null, "$", "batchsize", body.Length, limits.MaxBatchBytes);
            errors.ThrowIfAny();
        }
        var document = Parse(body, limits, errors);
        try
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                errors.Add(null, "$", "notobject", JsonChecks.Kind(root.ValueKind));
            else if (!root.TryGetProperty("batch", out var batch))
                errors.Add(null, "batch", "missing");
            else if (batch.ValueKind != JsonValueKind.Array)
                errors.Add(null, "batch", "wrongtype", "array", JsonChecks.Kind(batch.ValueKind));
            else if (batch.GetArrayLength() == 0)
                errors.Add(null, "batch", "emptybatch");
            errors.ThrowIfAny();

            var (writeKey, sentAt, context) = Envelope(root, errors);
            var messages = new List<SegmentMessage>();
            var index = 0;
            foreach (var item in root.GetProperty("batch").EnumerateArray())
            {
                if (MessageRules.Validate(item, index, $"batch[{index}]", null, limits, errors, body) is { } message)
                    messages.Add(message);
                index++;
            }
            errors.ThrowIfAny();
            return new SegmentBatch(messages, writeKey, sentAt, context) { Document = document };
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>A single-call body (<c>/v1/track</c> …): one message whose type is the endpoint's.</summary>
    public static SegmentBatch ParseSingle(SegmentCallType type, ReadOnlySpan<byte> body, SegmentLimits? limits = null) =>
        ParseSingleOver(type, body.ToArray(), limits);

    /// <summary>As <see cref="ParseSingle"/> over <paramref name="body"/> itself (see <see cref="ParseBatchOver"/>).</summary>
    internal static SegmentBatch ParseSingleOver(SegmentCallType type, ReadOnlyMemory<byte> body, SegmentLimits? limits = null)
    {
        limits ??= new SegmentLimits();
        var errors = new IngestErrors(limits.MaxErrors);
        if (body.Length > limits.MaxEventBytes)
        {
            errors.Add(null, "$", "eventsize", body.Length, limits.MaxEventBytes);
            errors.ThrowIfAny();
        }
        var document = Parse(body, limits, errors);
        try
        {
            var message = MessageRules.Validate(document.RootElement, null, "$", type, limits, errors, body);
            errors.ThrowIfAny();
            var writeKey = message!.Json.TryGetProperty("writeKey", out var key) && key.ValueKind == JsonValueKind.String ? key.GetString() : null;
            return new SegmentBatch([message], writeKey, message.SentAt, null) { Document = document };
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>The body's document over the body itself (the messages point into both; no copy per event).</summary>
    private static JsonDocument Parse(ReadOnlyMemory<byte> memory, SegmentLimits limits, IngestErrors errors)
    {
        var body = memory.Span;
        // The reader checks UTF-8 only where it looks; a bad byte inside a string would surface later, as a fault.
        if (!System.Text.Unicode.Utf8.IsValid(body)
            && System.Text.Unicode.Utf8.ToUtf16(body, new char[body.Length], out var read, out _, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
        {
            errors.Add(null, "$", "utf8", read);
            errors.ThrowIfAny();
        }
        try
        {
            // Two levels for the envelope and the array; deeper messages are reported with their path below.
            return JsonDocument.Parse(memory, new JsonDocumentOptions { MaxDepth = limits.MaxDepth + 3 });
        }
        catch (JsonException e)
        {
            var depth = e.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase);
            errors.Add(null, string.IsNullOrEmpty(e.Path) ? "$" : e.Path, depth ? "depth" : "json",
                depth ? limits.MaxDepth : $"{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}");
            errors.ThrowIfAny();
            throw;   // unreachable: ThrowIfAny threw
        }
    }

    private static (string? WriteKey, DateTimeOffset? SentAt, JsonElement? Context) Envelope(JsonElement root, IngestErrors errors)
    {
        string? writeKey = null;
        DateTimeOffset? sentAt = null;
        JsonElement? context = null;
        if (root.TryGetProperty("writeKey", out var key))
        {
            if (key.ValueKind == JsonValueKind.String)
                writeKey = key.GetString();
            else if (key.ValueKind != JsonValueKind.Null)
                errors.Add(null, "writeKey", "wrongtype", "string", JsonChecks.Kind(key.ValueKind));
        }
        if (root.TryGetProperty("sentAt", out var sent) && sent.ValueKind == JsonValueKind.String)
            sentAt = JsonChecks.ParseTime(sent.GetString()!) ?? Bad(errors, "sentAt", sent.GetString());
        if (root.TryGetProperty("context", out var ctx) && ctx.ValueKind == JsonValueKind.Object)
            context = ctx.Clone();
        return (writeKey, sentAt, context);
    }

    private static DateTimeOffset? Bad(IngestErrors errors, string field, string? text)
    {
        errors.Add(null, field, "time", text);
        return null;
    }
}
