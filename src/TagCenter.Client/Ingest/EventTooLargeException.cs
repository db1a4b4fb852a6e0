namespace TagCenter.Client;

/// <summary>
/// An event larger than Segment's 32 KB per message: refused before anything is sent (the server would refuse the
/// whole batch it sits in with a 400), so the caller can trim its traits or properties.
/// </summary>
public sealed class EventTooLargeException : Exception
{
    public EventTooLargeException() { }

    public EventTooLargeException(string message) : base(message) { }

    public EventTooLargeException(string message, Exception inner) : base(message, inner) { }

    internal EventTooLargeException(SegmentEvent message, int size, int limit)
        : base($"The {message.Type} event {message.MessageId} is {size} bytes as JSON; Segment's limit is {limit} bytes per event. Trim its traits or properties.")
    {
        Type = message.Type;
        MessageId = message.MessageId;
        Size = size;
        Limit = limit;
    }

    public string? Type { get; }

    public string? MessageId { get; }

    /// <summary>The event's size as UTF-8 JSON, in bytes.</summary>
    public int Size { get; }

    public int Limit { get; }
}
