using System.Collections.Concurrent;
using TagCenter.Core.Text;

namespace TagCenter.Server.Log;

/// <summary>
/// The append-only segmented log events are written to before they are acknowledged. Appends from many
/// callers are gathered by one writer into a group: one write and one fsync per group, and every append's task
/// completes only once its bytes are durable. Offsets are dense (0, 1, 2, …); a batch appended together gets
/// consecutive offsets in one group and is never split by a crash (recovery drops a batch that was torn). Opening recovers the last segment
/// (<see cref="Recovery"/>). Thread-safe.
/// </summary>
public sealed partial class DurableLog : IAsyncDisposable, IDisposable
{
    private readonly BlockingCollection<PendingAppend> _pending = [];
    private readonly Lock _gate = new();
    private readonly List<long> _segments;
    private readonly TimeProvider _time;
    private readonly Thread _writer;
    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FileStream _active;
    private long _activeLength;       // durable bytes of the active segment (readers stop here)
    private long _nextOffset;         // the offset the next record gets (written by the writer only)
    private long _durableNext;        // one past the last durable offset
    private long _lastTimestamp;
    private Exception? _fault;
    private bool _disposed;
    private long _groupCommits;
    // Completed (and replaced) each time records become durable or the log faults: what WaitDurable waits on.
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DurableLog(string folder, LogOptions options, TimeProvider time, List<long> segments, LogRecovery recovery,
        long activeLength, long lastTimestamp)
    {
        Folder = folder;
        Options = options;
        _time = time;
        _segments = segments;
        Recovery = recovery;
        _activeLength = activeLength;
        _nextOffset = _durableNext = recovery.NextOffset;
        _lastTimestamp = lastTimestamp;
        _active = SegmentFiles.OpenForAppend(SegmentFiles.PathOf(folder, segments[^1]));
        // A thread of its own: the group commit is on every acknowledged event's path, so it must not wait for a
        // thread-pool thread to wake it.
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "event log writer" };
        _writer.Start();
    }

    public string Folder { get; }

    public LogOptions Options { get; }

    /// <summary>How many group commits (one write + one fsync each) were made since opening.</summary>
    public long GroupCommits => Interlocked.Read(ref _groupCommits);

    /// <summary>What opening found in the last segment (a cut tail is reported here).</summary>
    public LogRecovery Recovery { get; }

    /// <summary>One past the offset of the last durable record: where a reader that is caught up stands.</summary>
    public long NextOffset => Interlocked.Read(ref _durableNext);

    /// <summary>Whether a write or fsync failed: no append is taken any more, and records given offsets by the failed group never become durable.</summary>
    public bool Faulted => Volatile.Read(ref _fault) is not null;

    /// <summary>
    /// Blocks until the record at <paramref name="offset"/> is durable (true) or the log has faulted, so it never will
    /// be (false). Any number of threads may wait.
    /// </summary>
    public bool WaitDurable(long offset, CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;   // taken before the checks: a change after them completes it
            if (NextOffset > offset)
                return true;
            if (Faulted)
                return false;
            changed.Wait(cancellationToken);
        }
    }

    /// <summary>Wakes <see cref="WaitDurable"/> (on the writer's thread, after the durable offset moved or the log faulted).</summary>
    private void Changed() => Interlocked.Exchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Runs on the writer's thread just before each group's fsync (tests: a slow disk).</summary>
    internal Action? BeforeSync { get; set; }

    /// <summary>Opens (or creates) the log in <paramref name="folder"/>, recovering a torn tail of its last segment.</summary>
    public static DurableLog Open(string folder, LogOptions? options = null, TimeProvider? time = null)
    {
        options ??= new LogOptions();
        Directory.CreateDirectory(folder);
        var segments = SegmentFiles.List(folder);
        if (segments.Count == 0)
        {
            segments.Add(0);
            using (File.Create(SegmentFiles.PathOf(folder, 0))) { }
            DirectorySync.Flush(folder);
        }
        var (recovery, length, last) = SegmentFiles.Recover(SegmentFiles.PathOf(folder, segments[^1]), segments[^1], options.MaxPayloadBytes);
        return new DurableLog(folder, options, time ?? TimeProvider.System, segments, recovery, length, last);
    }

    /// <summary>Appends one payload; completes with its offset once it is durable.</summary>
    public async Task<long> AppendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default) =>
        await AppendBatchAsync([payload], cancellationToken).ConfigureAwait(false);

    /// <summary>Appends payloads with consecutive offsets, all in one group (all durable or none acknowledged);
    /// completes with the first offset once they are durable. Cancelling stops the wait, not the write: the
    /// records may still become durable, so a caller that cancels must not report them as rejected.</summary>
    public Task<long> AppendBatchAsync(IReadOnlyList<ReadOnlyMemory<byte>> payloads, CancellationToken cancellationToken = default) =>
        AppendBatchAsync(payloads, new AppendWatch(), cancellationToken);

    /// <summary>As <see cref="AppendBatchAsync(IReadOnlyList{ReadOnlyMemory{byte}}, CancellationToken)"/>, telling
    /// <paramref name="watch"/> on the writer's thread when the records have their offsets (before their write and
    /// fsync) and when they are durable, before the task completes (no thread-pool hop between the fsync and the
    /// caller's next step).</summary>
    public Task<long> AppendBatchAsync(IReadOnlyList<ReadOnlyMemory<byte>> payloads, AppendWatch watch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_fault is { } fault)
            return Task.FromException<long>(new LogException(Texts.T("server.log.faulted", fault.Message), fault));
        if (payloads.Count == 0)
            throw new ArgumentException(Texts.T("server.log.empty"), nameof(payloads));
        var bytes = 0L;
        foreach (var p in payloads)
        {
            if (p.Length > Options.MaxPayloadBytes)
                throw new LogException(Texts.T("server.log.toolarge", p.Length, Options.MaxPayloadBytes));
            bytes += RecordCodec.EncodedSize(p.Length);
        }
        if (bytes > Options.MaxGroupBytes)
            throw new LogException(Texts.T("server.log.toolarge", bytes, Options.MaxGroupBytes));
        var append = new PendingAppend(payloads, (int)bytes, watch);
        try
        {
            _pending.Add(append, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(DurableLog));
        }
        return cancellationToken.CanBeCanceled ? append.Done.Task.WaitAsync(cancellationToken) : append.Done.Task;
    }

    private void WriteLoop()
    {
        var group = new List<PendingAppend>();
        var buffer = new byte[64 * 1024];
        PendingAppend? carried = null; // taken, but over the last group's size: the next group's first
        while (carried is not null || _pending.TryTake(out carried, Timeout.Infinite, CancellationToken.None))
        {
            group.Clear();
            group.Add(carried);
            var size = carried.Bytes;
            carried = null;
            while (size < Options.MaxGroupBytes && _pending.TryTake(out var next))
            {
                if (size + next.Bytes > Options.MaxGroupBytes)
                {
                    carried = next;
                    break;
                }
                group.Add(next);
                size += next.Bytes;
            }
            if (_fault is not null)
            {
                foreach (var a in group)
                    a.Done.TrySetException(new LogException(Texts.T("server.log.faulted", _fault.Message), _fault));
                continue;
            }
            try
            {
                if (buffer.Length < size)
                    buffer = new byte[Math.Max(size, buffer.Length * 2)];
                WriteGroup(group, buffer, size);
            }
            catch (Exception e)
            {
                // After a failed write or fsync the file's state is unknown: refuse further appends (a restart
                // recovers the tail). Any exception, so no appender is left waiting on a dead writer.
                _fault = e;
                Changed();
                foreach (var a in group)
                    a.Done.TrySetException(new LogException(Texts.T("server.log.writefailed", e.Message), e));
            }
        }
        _written.TrySetResult();
    }

    private void WriteGroup(List<PendingAppend> group, byte[] buffer, int size)
    {
        if (_activeLength > 0 && _activeLength + size > Options.SegmentBytes)
            Roll();
        var now = Math.Max(_time.GetUtcNow().ToUnixTimeMilliseconds(), _lastTimestamp);
        var first = new long[group.Count];
        var position = 0;
        var offset = _nextOffset;
        for (var g = 0; g < group.Count; g++)
        {
            first[g] = offset;
            var payloads = group[g].Payloads;
            for (var p = 0; p < payloads.Count; p++)
                position += RecordCodec.Write(buffer.AsSpan(position), offset++, now, payloads[p].Span, more: p < payloads.Count - 1);
        }
        for (var g = 0; g < group.Count; g++)
            Tell(group[g].Watch.Staged, first[g]);
        _active.Write(buffer, 0, position);
        BeforeSync?.Invoke();
        if (Options.Fsync)
            _active.Flush(true);
        else
            _active.Flush(false);
        lock (_gate)
        {
            _activeLength += position;
            _nextOffset = offset;
            _lastTimestamp = now;
            Interlocked.Exchange(ref _durableNext, offset);
        }
        Changed();
        Interlocked.Increment(ref _groupCommits);
        for (var g = 0; g < group.Count; g++)
        {
            Tell(group[g].Watch.Durable, first[g]);
            group[g].Done.TrySetResult(first[g]);
        }
    }

    private static void Tell(Action<long>? listener, long first)
    {
        try
        {
            listener?.Invoke(first);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The records are written whatever a listener does: its fault must not fault the log (the caller's
            // callback logs its own faults; see IngestService).
        }
    }

    private void Roll()
    {
        var path = SegmentFiles.PathOf(Folder, _nextOffset);
        var next = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, 1, FileOptions.None);
        if (Options.Fsync)
            DirectorySync.Flush(Folder);   // the new name must survive a crash before its records are acknowledged
        _active.Dispose();
        lock (_gate)
        {
            _active = next;
            _segments.Add(_nextOffset);
            _activeLength = 0;
        }
    }

    /// <summary>Stops taking appends, lets the writer finish every append already taken, and closes the files.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        _pending.CompleteAdding();
        await _written.Task.ConfigureAwait(false);
        _active.Dispose();
        _pending.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed record PendingAppend(IReadOnlyList<ReadOnlyMemory<byte>> Payloads, int Bytes, AppendWatch Watch)
    {
        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
