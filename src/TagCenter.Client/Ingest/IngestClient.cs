using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace TagCenter.Client;

/// <summary>
/// Sends Segment-shaped events to <c>/v1/batch</c> as analytics SDKs do: queued, given a messageId and a timestamp,
/// checked against Segment's limits before sending (32 KB per event: <see cref="EventTooLargeException"/>; 500 KB
/// per batch: split), posted with the write key as the Basic user, and retried on 5xx — safe, since the server
/// drops a messageId it has seen. A batch goes when it is full (<see cref="MaxBatchEvents"/> or the byte limit) or
/// on <see cref="FlushAsync"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The semaphore's wait handle is never asked for: nothing to dispose.")]
public sealed class IngestClient
{
    /// <summary>Segment's limit on one event, as UTF-8 JSON.</summary>
    public const int MaxEventBytes = 32 * 1024;

    /// <summary>Segment's limit on one batch request body.</summary>
    public const int MaxBatchBytes = 500 * 1024;

    // {"batch":[ … ],"sentAt":"2026-11-23T09:00:00.0000000+00:00"} around the events.
    private const int Envelope = 64;

    private readonly ApiConnection _api;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly List<byte[]> _queued = [];
    private int _queuedBytes;

    internal IngestClient(ApiConnection api, TimeProvider time)
    {
        _api = api;
        _time = time;
    }

    /// <summary>Events queued and not yet sent.</summary>
    public int Pending => _queued.Count;

    /// <summary>A batch is sent once it holds this many events (analytics-node sends at 15; the limit in bytes applies too).</summary>
    public int MaxBatchEvents { get; set; } = 100;

    public Task IdentifyAsync(string userId, IReadOnlyDictionary<string, object?>? traits = null, CancellationToken cancellationToken = default) =>
        EnqueueAsync(SegmentEvent.Identify(userId, traits), cancellationToken);

    public Task TrackAsync(string userId, string @event, IReadOnlyDictionary<string, object?>? properties = null, CancellationToken cancellationToken = default) =>
        EnqueueAsync(SegmentEvent.Track(userId, @event, properties), cancellationToken);

    public Task PageAsync(string userId, string? name = null, IReadOnlyDictionary<string, object?>? properties = null, CancellationToken cancellationToken = default) =>
        EnqueueAsync(SegmentEvent.Page(userId, name, properties), cancellationToken);

    public Task ScreenAsync(string userId, string? name = null, IReadOnlyDictionary<string, object?>? properties = null, CancellationToken cancellationToken = default) =>
        EnqueueAsync(SegmentEvent.Screen(userId, name, properties), cancellationToken);

    public Task GroupAsync(string userId, string groupId, IReadOnlyDictionary<string, object?>? traits = null, CancellationToken cancellationToken = default) =>
        EnqueueAsync(SegmentEvent.Group(userId, groupId, traits), cancellationToken);

    public Task AliasAsync(string userId, string previousId, CancellationToken cancellationToken = default) =>
        EnqueueAsync(SegmentEvent.Alias(userId, previousId), cancellationToken);

    /// <summary>
    /// Queues <paramref name="message"/> (with a new messageId and the current time when it has none), sending the
    /// queued batch first when this event would take it past the limits. Returns the messageId.
    /// </summary>
    public async Task<string> EnqueueAsync(SegmentEvent message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var complete = message with
        {
            MessageId = message.MessageId ?? Guid.NewGuid().ToString("N"),
            Timestamp = message.Timestamp ?? _time.GetUtcNow(),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(complete, SegmentEvent.Json);
        if (bytes.Length > MaxEventBytes)
            throw new EventTooLargeException(complete, bytes.Length, MaxEventBytes);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_queued.Count > 0 && (_queuedBytes + _queued.Count + bytes.Length + Envelope > MaxBatchBytes || _queued.Count >= MaxBatchEvents))
                await SendQueuedAsync(cancellationToken).ConfigureAwait(false);
            _queued.Add(bytes);
            _queuedBytes += bytes.Length;
        }
        finally
        {
            _lock.Release();
        }
        return complete.MessageId;
    }

    /// <summary>Sends every queued event now; a refused batch throws <see cref="TagCenterApiException"/> and stays queued.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_queued.Count > 0)
                await SendQueuedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The event log and its consumer: offsets, lag, the last error (<c>GET /api/v1/ingest/status</c>, an API key).</summary>
    public Task<IngestStatus> StatusAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<IngestStatus>(ApiConnection.Api + "ingest/status", cancellationToken);

    private async Task SendQueuedAsync(CancellationToken cancellationToken)
    {
        var body = new MemoryStream(_queuedBytes + _queued.Count + Envelope);
        body.Write("{\"batch\":["u8);
        for (var i = 0; i < _queued.Count; i++)
        {
            if (i > 0)
                body.WriteByte((byte)',');
            body.Write(_queued[i]);
        }
        body.Write(Encoding.UTF8.GetBytes($"],\"sentAt\":{JsonSerializer.Serialize(_time.GetUtcNow())}}}"));
        var content = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = _api.Request(HttpMethod.Post, "v1/batch", content, repeatable: true);
        var key = _api.Options.WriteKey ?? _api.Options.ApiKey
            ?? throw new InvalidOperationException("Ingest needs a write key: set TagCenterClientOptions.WriteKey.");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        using var response = await _api.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        _queued.Clear();
        _queuedBytes = 0;
    }
}

/// <summary>Where ingest stands: the log's offsets, what the consumer applied, its lag and last error, a torn tail cut at start.</summary>
public sealed record IngestStatus(long FirstOffset, long NextOffset, long AppliedOffset, long Lag, DateTimeOffset? LastAppliedAt,
    string? LastError, string? TornTail, int Sources);
