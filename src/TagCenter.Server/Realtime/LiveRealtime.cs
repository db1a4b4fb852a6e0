using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TagCenter.Core.Realtime;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Realtime;
using TagCenter.DuckDb.Segments;
using TagCenter.Server.Hosting;
using TagCenter.Server.Ingest;
using TagCenter.Server.Log;

namespace TagCenter.Server.Realtime;

/// <summary>
/// Runs the live real-time path (<see cref="LiveEvaluator"/>): every event is handed over as soon as the log gives it
/// an offset, and one loop re-evaluates its person's real-time tags and dynamic segments in memory while the log syncs
/// it, then, once it is durable, lays the new tag values over the bitmap index (counts see them), without waiting for
/// the consumer. The evaluation overlaps the fsync instead of following it; nothing is shown before the event is
/// acknowledged (a log that faults drops what was evaluated ahead). The committed path
/// (<see cref="RealtimeListener"/>) still records the same changes after the consumer applies the events; this class
/// keeps the two from undoing each other: index rows of a person the live path holds are the live ones, and a person
/// whose committed data changed in a way the live path did not see is dropped first (<see cref="Committed"/>).
/// </summary>
public sealed partial class LiveRealtime : BackgroundService
{
    private readonly WorkspaceHost _host;
    private readonly ILogger<LiveRealtime> _log;
    private readonly ConcurrentQueue<LiveEvent> _events = new();
    // Set when an event is queued or persons wait to be read ahead: the loop's thread is woken directly, not through
    // a thread-pool continuation (the pool is where requests and writes queue).
    private readonly ManualResetEventSlim _arrived = new(false);
    private readonly DurableLog _eventLog;
    private readonly Lock _patchLock = new();

    public LiveRealtime(WorkspaceHost host, IngestService ingest, RealtimeOptions options, ILogger<LiveRealtime> log)
    {
        _host = host;
        _log = log;
        _eventLog = ingest.Log;
        Enabled = options.Live;
        Evaluator = new LiveEvaluator(() => host.Definition, host.Time) { Capacity = options.LivePersons };
        if (!Enabled)
            return;
        ingest.Staged += Staged;
        host.Written += (_, _, touched) =>
        {
            if (touched is null)
                Evaluator.ForgetAll(); // a run, an apply, a load: definitions or data changed wholesale
        };
    }

    public bool Enabled { get; }

    public LiveEvaluator Evaluator { get; }

    /// <summary>Told after each live batch is laid over the index (for the benchmark and tests): the outcome and when it was done.</summary>
    public event Action<LiveOutcome, DateTimeOffset>? Updated;

    /// <summary>How long each step of the last live batch took, in ms (rent a reader, open the index, the evaluator's steps, wait for the events to be durable, wait for and lay the index patch).</summary>
    public IReadOnlyDictionary<string, double> LastSteps { get; private set; } = new Dictionary<string, double>();

    /// <summary>
    /// The highest log offset whose live update is laid over the index (−1: none yet). A person's evaluated state may
    /// run ahead of it while the log syncs; counts and the index never do.
    /// </summary>
    public long LaidThrough => Interlocked.Read(ref _laidThrough);

    private long _laidThrough = -1;

    /// <summary>The last live batch's outcome.</summary>
    public LiveOutcome? Last { get; private set; }

    private void Staged(string source, long first, DateTimeOffset arrived, IReadOnlyList<ReadOnlyMemory<byte>> payloads)
    {
        for (var i = 0; i < payloads.Count; i++)
            _events.Enqueue(new LiveEvent(source, first + i, arrived, payloads[i]));
        _arrived.Set();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
            return Task.CompletedTask;
        // A thread of its own, woken directly: the loop is short and its latency is the feature. The priority asked
        // for applies on Windows; on Linux it does nothing, and the engine's writer runs below instead (WriterNice).
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Loop(stoppingToken);
            }
            finally
            {
                done.TrySetResult();
            }
        })
        { IsBackground = true, Name = "live real time" };
        try
        {
            thread.Priority = ThreadPriority.AboveNormal;
        }
        catch (Exception e) when (e is ThreadStateException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // not allowed here: normal priority
        }
        thread.Start();
        return done.Task;
    }

    private void Loop(CancellationToken stoppingToken)
    {
        var batch = new List<LiveEvent>();
        try
        {
            while (true)
            {
                // Between events, read ahead the persons events can name and those who just sent some (a chunk at a time: events go first).
                if (_events.IsEmpty && Evaluator.Cold)
                {
                    try
                    {
                        if (_host.Read(db => Evaluator.Warm(db)) > 0)
                            continue;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        Failed(_log, e, 0);
                        Evaluator.Warmed(); // persons are read when first seen instead
                    }
                }
                _arrived.Reset();
                if (_events.IsEmpty)
                {
                    // Set after the reset (an event, or persons to read ahead) ends the wait at once.
                    _arrived.Wait(stoppingToken);
                    continue;
                }
                // Durable events and those of the group being synced are not batched together: the durable ones are
                // shown at once, not after the next sync.
                batch.Clear();
                var durableNext = _eventLog.NextOffset;
                var ahead = _events.TryPeek(out var head) && head.Offset >= durableNext;
                while (batch.Count < 5000 && _events.TryPeek(out var e) && e.Offset >= durableNext == ahead && _events.TryDequeue(out e))
                    batch.Add(e);
                try
                {
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    var asOf = WorkspaceSegments.Now(_host.Definition, _host.Time);
                    var steps = new Dictionary<string, double>(StringComparer.Ordinal);
                    var outcome = _host.Read(db =>
                    {
                        steps["rent"] = clock.Elapsed.TotalMilliseconds;
                        _host.Index(db); // opened before it is patched: an index opened later has only the committed changes
                        steps["index"] = clock.Elapsed.TotalMilliseconds - steps["rent"];
                        return Evaluator.Apply(db, batch, asOf);
                    });
                    foreach (var (name, ms) in Evaluator.LastSteps)
                        steps[name] = ms;
                    var waitAt = clock.Elapsed.TotalMilliseconds;
                    if (ahead && !_eventLog.WaitDurable(batch[^1].Offset, stoppingToken))
                        throw new LogException(Texts.T("server.live.notdurable", batch.Count));
                    steps["durable wait"] = clock.Elapsed.TotalMilliseconds - waitAt;
                    var patchAt = clock.Elapsed.TotalMilliseconds;
                    lock (_patchLock)
                    {
                        steps["patch wait"] = clock.Elapsed.TotalMilliseconds - patchAt;
                        _host.PatchIndex([.. outcome.Patches.Where(p => Evaluator.Holds(p.Ordinal))]);
                        Interlocked.Exchange(ref _laidThrough, Math.Max(_laidThrough, batch[^1].Offset));
                    }
                    steps["patch"] = clock.Elapsed.TotalMilliseconds - patchAt - steps["patch wait"];
                    LastSteps = steps;
                    Last = outcome;
                    Updated?.Invoke(outcome, _host.Time.GetUtcNow());
                    Done(_log, outcome.Placed, outcome.Deferred, outcome.Updates.Count, outcome.Loaded);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The committed path still applies these events; only their head start is lost.
                    Evaluator.ForgetAll();
                    Failed(_log, e, batch.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down: what is in the log is applied by the consumer
        }
    }

    /// <summary>
    /// The committed path's turn after the consumer applied a batch: drops the persons whose committed data now
    /// holds rows the live path did not add, then lays the committed index rows of the persons it does not hold
    /// (every row, when the live path is off).
    /// </summary>
    /// <remarks>Activity rows (the latest event per fact up to the index's as-of, for <c>did()</c>) are always the committed ones: the live path does not compute them.</remarks>
    internal void Committed(AppliedEvents applied, IReadOnlyList<IndexPatch> patches, IReadOnlyList<ActivityPatch> activity, DateTime? anchor)
    {
        lock (_patchLock)
        {
            if (Enabled)
            {
                Evaluator.Applied(applied.Persons.Select(p => (p.OneId, p.Lines)), applied.Regrouped);
                if (Evaluator.Cold)
                    _arrived.Set(); // to read them ahead
            }
            _host.PatchIndex(Enabled ? [.. patches.Where(p => !Evaluator.Holds(p.Ordinal))] : patches, activity, anchor);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "live real time: {Placed} events placed, {Deferred} left to the consumer, {Persons} persons re-evaluated ({Loaded} read from the engine)")]
    private static partial void Done(ILogger logger, int placed, int deferred, int persons, int loaded);

    [LoggerMessage(Level = LogLevel.Warning, Message = "live real time failed on {Count} events; the consumer applies them")]
    private static partial void Failed(ILogger logger, Exception e, int count);
}
