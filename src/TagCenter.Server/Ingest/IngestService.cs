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
    private readonly ILogger<IngestService> _log;
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
        _host = host;
        _keys = new KeysOf(host.Definition, new WriteKeys(host.Definition, options.Environment));
        Seen = new MessageIdWindow(_time, options.DedupeWindow);
        MessageIdRebuild.FromLog(Seen, Log, _time);
        Appender = (payloads, watch) => Log.AppendBatchAsync(payloads, watch, CancellationToken.None);
        _log = log;
    }

    /// <summary>
    /// Told when a request's payloads are durable, before the request is answered: the source, the first payload's log
    /// offset (the others follow it), when they arrived, and the payloads (the live real-time path starts here). Must
    /// not throw or block.
    /// </summary>
    public event Action<string, long, DateTimeOffset, IReadOnlyList<ReadOnlyMemory<byte>>>? Durable;

    /// <summary>
    /// Told when a request's payloads have their log offsets, just before they are written and synced (same arguments as
    /// <see cref="Durable"/>): work may start on them while the disk syncs, but nothing of it may be shown before they are
    /// durable (<see cref="DurableLog.NextOffset"/> past them); if the log faults they never are. Must not throw or block.
    /// </summary>
    public event Action<string, long, DateTimeOffset, IReadOnlyList<ReadOnlyMemory<byte>>>? Staged;

    /// <summary>Writes one request's payloads durably, telling the watch the first offset when they are staged and when durable (the log).</summary>
    internal Func<IReadOnlyList<ReadOnlyMemory<byte>>, AppendWatch, Task<long>> Appender { get; set; }

    public IngestOptions Options { get; }

    public DurableLog Log { get; }

    /// <summary>The write keys of the workspace as it is now (an apply may add a source or change a key).</summary>
    public WriteKeys Keys
    {
        get
        {
            var known = Volatile.Read(ref _keys);
            var now = _host.Definition;
            if (ReferenceEquals(known.Of, now))
                return known.Keys;
            var keys = new WriteKeys(now, Options.Environment);
            Volatile.Write(ref _keys, new KeysOf(now, keys));
            return keys;
        }
    }

    private readonly WorkspaceHost _host;
    private KeysOf _keys;

    private sealed record KeysOf(WorkspaceDefinition Of, WriteKeys Keys);

    public MessageIdWindow Seen { get; }

    /// <summary>Appends the batch's messages that were not seen before; completes once they are durable, and once
    /// every message of it that an earlier, still unfinished request took is durable too (a retry racing the first
    /// send is not acknowledged before the first write is; if that write fails, so does this call).</summary>
    public async Task<IngestReceipt> AcceptAsync(SourceDefinition source, SegmentBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(batch);
        var receivedAt = _time.GetUtcNow();
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var payloads = new List<ReadOnlyMemory<byte>>(batch.Messages.Count);
        var taken = new List<MessageKey>(batch.Messages.Count);
        List<Task>? earlier = null;
        foreach (var message in batch.Messages)
        {
            var id = message.MessageId ?? "srv-" + Guid.NewGuid().ToString("N");
            var key = MessageKey.Of(id);
            if (Seen.Claim(key, written.Task) is { } first)
            {
                if (first != written.Task && !first.IsCompletedSuccessfully)
                    (earlier ??= []).Add(first);
                continue;
            }
            taken.Add(key);
            payloads.Add(SegmentPayload.ToLogPayload(message, batch, receivedAt, source.Name, id));
        }
        if (payloads.Count > 0)
        {
            // The write is not cancelled with the request: once handed to the log it may become durable anyway, and
            // requests holding the same ids wait on it. Its outcome settles `written` whatever this request does.
            Task<long> append;
            // Listeners hear of the payloads on the log writer's thread when they have their offsets (the live path
            // starts there, while the disk syncs) and the moment they are durable, before the request is answered.
            try { append = Appender(payloads, new AppendWatch(first => Tell(Staged, source.Name, first, receivedAt, payloads), first => Tell(Durable, source.Name, first, receivedAt, payloads))); }
            catch (Exception e) when (e is LogException or ObjectDisposedException or ArgumentException) { append = Task.FromException<long>(e); }
            _ = append.ContinueWith(t => Settle(t, taken, written), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            await written.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (_appended.CurrentCount == 0)
            {
                try { _appended.Release(); } catch (SemaphoreFullException) { }
            }
        }
        if (earlier is not null)
            await Task.WhenAll(earlier).WaitAsync(cancellationToken).ConfigureAwait(false);
        return new IngestReceipt(payloads.Count, batch.Messages.Count - payloads.Count);
    }

    private void Tell(Action<string, long, DateTimeOffset, IReadOnlyList<ReadOnlyMemory<byte>>>? listeners, string source, long first, DateTimeOffset receivedAt, IReadOnlyList<ReadOnlyMemory<byte>> payloads)
    {
        try
        {
            listeners?.Invoke(source, first, receivedAt, payloads);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            ListenerFailed(_log, e);
        }
    }

    private void Settle(Task<long> append, List<MessageKey> taken, TaskCompletionSource written)
    {
        if (append.IsCompletedSuccessfully)
        {
            Seen.Written(taken);   // durable: the window keeps the ids, not the task
            written.TrySetResult();
            return;
        }
        foreach (var id in taken)
            Seen.Forget(id);   // not written: the SDK's retry must go through
        var error = append.Exception?.InnerException ?? new OperationCanceledException();
        written.TrySetException(error);
    }

    /// <summary>Waits until something is appended or <paramref name="timeout"/> passes (the consumer's idle wait).</summary>
    public Task<bool> WaitForAppendAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _appended.WaitAsync(timeout, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Log.DisposeAsync().ConfigureAwait(false);
        _appended.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "a listener of durable events failed; the events are durable and the consumer applies them")]
    private static partial void ListenerFailed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "event log recovered: {Cut}")]
    private static partial void TornTail(ILogger logger, string cut);
}
