using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Realtime;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Realtime;

/// <summary>
/// The real-time evaluator as an applied-events listener: after each committed batch it re-evaluates the persons the
/// batch touched (and the OneIDs merged away) as of the batch's time in the workspace's zone, in one write
/// transaction; then lays the changed rows over the bitmap index and hands the segment changes to the stream.
/// Whatever it writes is recomputed from committed data, so a lost notification is made good by the next event or run.
/// </summary>
public sealed partial class RealtimeListener : IAppliedEventsListener
{
    private readonly WorkspaceHost _host;
    private readonly SegmentFeed _stream;
    private readonly ILogger<RealtimeListener> _logger;
    private readonly RealtimeEvaluator _evaluator;
    private readonly IReadOnlyList<IRealtimeChangesListener> _listeners;
    private readonly LiveRealtime _live;

    public RealtimeListener(WorkspaceHost host, SegmentFeed stream, ILogger<RealtimeListener> logger, IEnumerable<IRealtimeChangesListener> listeners, LiveRealtime live)
    {
        _live = live;
        _listeners = [.. listeners];
        _host = host;
        _stream = stream;
        _logger = logger;
        _evaluator = new RealtimeEvaluator(host.Definition.Root, host.Time);
    }

    /// <summary>How long each step of the last batch's evaluation took (for benchmarks and diagnostics).</summary>
    public IReadOnlyDictionary<string, TimeSpan> LastSteps => _evaluator.LastSteps;

    /// <summary>The last batch's outcome (for tests and diagnostics).</summary>
    public RealtimeOutcome? Last { get; private set; }

    /// <summary>The log offset of the last record whose batch this listener has finished with (-1: none yet).</summary>
    public long Through => Interlocked.Read(ref _through);

    private long _through = -1;

    public async ValueTask OnAppliedAsync(AppliedEvents applied, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        // Besides the persons of the events: the OneIDs merged away (they leave), and both sides of a split (rows moved).
        var ofEvents = applied.Persons.Select(p => p.OneId).ToHashSet(StringComparer.Ordinal);
        List<(string, DateTimeOffset)> persons = [.. applied.Persons.Select(p => (p.OneId, p.ReceivedAt)),
            .. applied.Merged.Keys.Concat(applied.Split).Where(id => !ofEvents.Contains(id)).Distinct(StringComparer.Ordinal).Select(id => (id, applied.AppliedAt))];
        var zone = _host.Definition.TimeZone;
        var asOf = DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(applied.AppliedAt, zone).DateTime, DateTimeKind.Unspecified);
        RealtimeOutcome outcome;
        // The activity columns of the persons touched (both sides of a merge), relative to the open index's anchor.
        var open = _host.OpenActivity();
        var activity = open is { } columns ? new ActivityRequest([.. applied.Touched], columns.Anchor, columns.Codes) : null;
        try
        {
            outcome = await _host.WriteAsync((db, ct) => _evaluator.Apply(db, persons, asOf, activity, ct),
                touched: _ => [.. persons.Select(p => p.Item1)], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(_logger, Texts.T("realtime.failed", persons.Count, e.Message), e);
            _live.Committed(applied, [], [], null);
            throw;
        }
        // The index rows go through the live path, which knows whose rows are its own (all of them, when it is off).
        _live.Committed(applied, outcome.Patches, outcome.Activity, open?.Anchor);
        _stream.Publish(outcome.Memberships);
        Last = outcome;
        Interlocked.Exchange(ref _through, applied.LastOffset);
        foreach (var listener in _listeners)
        {
            try
            {
                await listener.OnChangesAsync(outcome, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(_logger, Texts.T("realtime.listener.failed", listener.GetType().Name, e.Message), e);
            }
        }
        Applied(_logger, outcome.Persons, outcome.TagChanges, outcome.Memberships.Count, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>Forgets the compiled definitions (after an apply or a segment change).</summary>
    public void Invalidate() => _evaluator.Invalidate();

    [LoggerMessage(Level = LogLevel.Debug, Message = "real-time update: {Persons} persons, {TagChanges} tag values changed, {Memberships} segment entries and exits, {Milliseconds} ms")]
    private static partial void Applied(ILogger logger, int persons, int tagChanges, int memberships, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private static partial void Failed(ILogger logger, string message, Exception exception);
}
