using TagCenter.Core.Realtime;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Realtime;

/// <summary>
/// The real-time path: after a batch of events is applied, re-evaluates the persons it touched with the in-memory
/// <see cref="TagEvaluator"/> over their golden record and all their facts (per person a few rows), from the same
/// bound definitions the batch run compiles to SQL. It computes the tags declared <c>refresh: realtime</c> and what
/// reads them, then every dynamic segment over the stored tags (as a segment pass does), and records what changed in
/// one transaction: tag values as a run of status <c>realtime</c> (<see cref="TagChangeWriter"/>), entries and exits
/// as a segment evaluation of type <c>realtime</c> (<see cref="MembershipWriter"/>). Not thread-safe: one writer.
/// </summary>
public sealed class RealtimeEvaluator
{
    private readonly string _workspaceRoot;
    private readonly TimeProvider _time;
    private RealtimeContext? _context;

    public RealtimeEvaluator(string workspaceRoot, TimeProvider time)
    {
        _workspaceRoot = workspaceRoot;
        _time = time;
    }

    /// <summary>How long each step of the last batch took (context, read, evaluate, tags, segments, patches, changes, commit), for benchmarks and diagnostics.</summary>
    public IReadOnlyDictionary<string, TimeSpan> LastSteps => _steps;

    private readonly Dictionary<string, TimeSpan> _steps = [];
    private readonly System.Diagnostics.Stopwatch _stepClock = new();

    private void Step(string name)
    {
        _steps[name] = _stepClock.Elapsed;
        _stepClock.Restart();
    }

    /// <summary>Forgets the compiled definitions (after an apply changed tags or segments); the next batch compiles them again.</summary>
    public void Invalidate() => _context = null;

    /// <summary>
    /// Re-evaluates <paramref name="persons"/> (OneIDs and when their events arrived) as of <paramref name="asOf"/>
    /// (wall-clock time in the workspace's zone, as runs take it) and records the changes; also patches nothing in
    /// memory: the caller lays <see cref="RealtimeOutcome.Patches"/> over the index after the commit. With
    /// <paramref name="activity"/> the outcome also holds those persons' activity columns, from the fact rows the
    /// evaluation read (read for them alone when it had nothing to evaluate).
    /// </summary>
    public RealtimeOutcome Apply(WorkspaceDatabase db, IReadOnlyList<(string OneId, DateTimeOffset At)> persons, DateTime asOf, ActivityRequest? activity = null,
        CancellationToken cancellationToken = default)
    {
        _steps.Clear();
        _stepClock.Restart();
        var context = persons.Count == 0 ? null : Context(db);
        Step("context");
        if (context is not { HasWork: true })
            return activity is null ? RealtimeOutcome.None : RealtimeOutcome.None with { Activity = ActivityPatches.Read(db, activity.OneIds, activity.Anchor, activity.Codes) };
        var at = persons.GroupBy(p => p.OneId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(p => p.At), StringComparer.Ordinal);
        var ids = at.Keys.Order(StringComparer.Ordinal).ToList();
        var outcome = db.InTransaction(() =>
        {
            var (updates, known) = Evaluate(db, context, ids, at, asOf, activity);
            cancellationToken.ThrowIfCancellationRequested();
            var appliedAt = _time.GetUtcNow().UtcDateTime;
            var run = TagChangeWriter.Write(db, context, updates, asOf, appliedAt, _time);
            Step("tags");
            var (memberships, segmentSeq) = MembershipWriter.Write(db, context, updates, run?.RunId, asOf, appliedAt);
            Step("segments");
            var patches = IndexPatches.Read(db, [.. updates.Where(u => u.TagsChanged).Select(u => u.OneId)]);
            var latest = activity is null ? [] : ActivityPatches.Read(db, activity.OneIds, activity.Anchor, activity.Codes, known);
            Step("patches");
            var changes = RealtimeChanges.Of(db, updates, run, memberships, segmentSeq);
            Step("changes");
            return new RealtimeOutcome(ids.Count, run?.RunId, updates.Sum(u => u.Changed.Count), memberships, patches) { Changes = changes, Activity = latest };
        });
        Step("commit");
        return outcome;
    }

    private RealtimeContext Context(WorkspaceDatabase db)
    {
        if (_context is { } known && known.Source == RealtimeContext.Version(db))
            return known;
        return _context = RealtimeContext.Build(db, _workspaceRoot, _time);
    }

    /// <summary>Persons read and evaluated at a time: only their rows are held at once (a batch may touch thousands).</summary>
    private const int ChunkSize = 128;

    /// <summary>
    /// Reads and evaluates <paramref name="ids"/> a chunk at a time, computing their activity columns (when asked)
    /// from the rows read, so that no more than a chunk's rows are alive while the batch is in flight.
    /// </summary>
    private (List<PersonUpdate> Updates, KnownActivity? Activity) Evaluate(
        WorkspaceDatabase db, RealtimeContext context, List<string> ids, Dictionary<string, DateTimeOffset> at, DateTime asOf, ActivityRequest? activity)
    {
        var updates = new List<PersonUpdate>(ids.Count);
        var known = activity is null ? null : new KnownActivity();
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            var read = PersonReads.Read(db, context, chunk);
            foreach (var id in chunk)
                updates.Add(PersonEvaluation.Evaluate(context, id, at[id], read.State(id), asOf).Update);
            known?.Add(chunk, read.Facts, activity!.Anchor, activity.Codes);
        }
        Step("read+evaluate");
        return (updates, known);
    }
}
