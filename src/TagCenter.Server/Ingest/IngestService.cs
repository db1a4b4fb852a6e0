using Microsoft.Extensions.Logging;
using TagCenter.Core.Workspace;
using TagCenter.Server.Hosting;
using TagCenter.Server.Log;

namespace TagCenter.Server.Ingest;

/// <summary>What one accepted request did: messages appended to the log, and retries of messages already taken.</summary>
public sealed record IngestReceipt(int Appended, int Duplicates);

/// <summary>
/// The write side of ingest: the durable log (opened, and its torn tail recovered, when the server starts), the
/// messageId window (refilled from the log's recent records), the write keys. A validated request is de-duplicated
/// and appended as one group; the call completes only once its records are fsynced, so the endpoint answers 200
/// only for events that survive a crash. The consumer is woken after each append.
/// </summary>
public sealed partial class IngestService : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _appended = new(0, 1);

    public IngestService(WorkspaceHost host, IngestOptions options, ILogger<IngestService> log)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _time = host.Time;
        var folder = Path.IsPathRooted(options.LogFolder) ? options.LogFolder : Path.Combine(host.Definition.Root, options.LogFolder);
        Log = DurableLog.Open(folder, options.Log, _time);
        if (Log.Recovery.Describe() is { } cut)
            TornTail(log, cut);
        Keys = new WriteKeys(host.Definition, options.Environment);
        Seen = new MessageIdWindow(_time, options.DedupeWindow);
        MessageIdRebuild.FromLog(Seen, Log, _time);
    }

    public IngestOptions Options { get; }

    public DurableLog Log { get; }

    public WriteKeys Keys { get; }

    public MessageIdWindow Seen { get; }

    /// <summary>Appends the batch's messages that were not seen before; completes once they are durable.</summary>
    public async Task<IngestReceipt> AcceptAsync(SourceDefinition source, SegmentBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(batch);
        var receivedAt = _time.GetUtcNow();
        var payloads = new List<ReadOnlyMemory<byte>>(batch.Messages.Count);
        var taken = new List<string>(batch.Messages.Count);
        foreach (var message in batch.Messages)
        {
            var id = message.MessageId ?? "srv-" + Guid.NewGuid().ToString("N");
            if (!Seen.TryAdd(id))
                continue;
            taken.Add(id);
            payloads.Add(SegmentPayload.ToLogPayload(message, batch, receivedAt, source.Name, id));
        }
        if (payloads.Count == 0)
            return new IngestReceipt(0, batch.Messages.Count);
        try
        {
            // The write is not cancelled with the request: once handed to the log it may become durable anyway.
            await Log.AppendBatchAsync(payloads, CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (LogException)
        {
            foreach (var id in taken)
                Seen.Forget(id);   // not written: the SDK's retry must go through
            throw;
        }
        if (_appended.CurrentCount == 0)
        {
            try { _appended.Release(); } catch (SemaphoreFullException) { }
        }
        return new IngestReceipt(payloads.Count, batch.Messages.Count - payloads.Count);
    }

    /// <summary>Waits until something is appended or <paramref name="timeout"/> passes (the consumer's idle wait).</summary>
    public Task<bool> WaitForAppendAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _appended.WaitAsync(timeout, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Log.DisposeAsync().ConfigureAwait(false);
        _appended.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "event log recovered: {Cut}")]
    private static partial void TornTail(ILogger logger, string cut);
}
