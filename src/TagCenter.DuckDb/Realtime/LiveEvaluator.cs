using System.Collections.Concurrent;
using TagCenter.Core.Cleansing;
using TagCenter.Core.Realtime;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Ingest;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Realtime;


/// <summary>
/// The live real-time path: updates a person's real-time tags and dynamic segments from an event as soon as it is
/// durable in the log, before the consumer has applied it to the engine, so the wait for a batch, the identity run
/// and the engine's transaction are not in the way. It keeps in memory, per person it has seen, what the committed
/// path reads from the engine (golden record, stored tags, segments, the fact columns the rules read), loaded once,
/// and adds each event's row to it: cleansed as the consumer's SQL pass would (<see cref="RowCleansing"/>, which
/// leaves what it is not sure of to that pass), keyed to the person its identifiers already name, evaluated by the same
/// <see cref="PersonEvaluation"/>. An event it cannot place exactly (an identifier not yet in the identity graph,
/// identifiers naming two persons, another entity, a row the cleansing rejects) is left to the committed path alone.
/// What it computes is not recorded: the committed path records the same changes once the consumer applies the
/// events (history, segment changes and their stream, triggers). Not thread-safe except <see cref="Forget"/>,
/// <see cref="ForgetAll"/>, <see cref="Applied"/> and <see cref="Holds"/>: one loop calls <see cref="Apply"/>.
/// </summary>
public sealed partial class LiveEvaluator
{
    private const string LoadId = "live";
    private readonly Func<WorkspaceDefinition> _definition;
    private readonly TimeProvider _time;
    private LiveDefinition _of;
    private readonly ConcurrentDictionary<string, LivePerson> _persons = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<uint, string> _ordinals = new();
    private readonly Dictionary<(string Type, string Value), string> _identifiers = [];

    /// <summary>Identifier values the graph did not know when asked: asked again after the next consumer batch.</summary>
    private readonly HashSet<(string Type, string Value)> _unknown = [];
    private readonly ConcurrentQueue<Action> _pending = new();
    private RealtimeContext? _context;

    public LiveEvaluator(WorkspaceDefinition workspace, TimeProvider time)
        : this(() => workspace, time)
    {
    }

    /// <summary>With the workspace as <paramref name="workspace"/> gives it now (a server reloads it after an apply).</summary>
    public LiveEvaluator(Func<WorkspaceDefinition> workspace, TimeProvider time)
    {
        _definition = workspace;
        _time = time;
        _of = LiveDefinition.Of(workspace());
    }


    /// <summary>Takes the workspace as it is now; when it was reloaded, everything held is dropped (its sources, identifiers and rules may differ).</summary>
    private void Refresh()
    {
        var now = _definition();
        if (ReferenceEquals(now, _of.Workspace))
            return;
        _of = LiveDefinition.Of(now);
        _context = null;
        ForgetAllNow();
        _identifiers.Clear();
        _unknown.Clear();
        _warmed = null;
        Volatile.Write(ref _cold, true);
    }

    /// <summary>Persons held in memory at most; past it every person is dropped and loaded again when next seen.</summary>
    public int Capacity { get; init; } = 200_000;

    /// <summary>How long each step of the last batch took (place, load, add, evaluate), for benchmarks and diagnostics.</summary>
    public IReadOnlyDictionary<string, double> LastSteps => _steps;

    private readonly Dictionary<string, double> _steps = [];
    private readonly System.Diagnostics.Stopwatch _clock = new();

    private void Step(string name)
    {
        _steps[name] = _clock.Elapsed.TotalMilliseconds;
        _clock.Restart();
    }

    /// <summary>Persons held now.</summary>
    public int Held => _persons.Count;

    /// <summary>Whether the person at <paramref name="ordinal"/> of the index is held (their index row is the live one).</summary>
    public bool Holds(uint ordinal) => _ordinals.ContainsKey(ordinal);

    /// <summary>A person's live state: real-time tag values (by code) and segments, or null when not held.</summary>
    public (IReadOnlyDictionary<string, object?> Tags, IReadOnlyList<string> Segments, long LastOffset)? Person(string oneId)
    {
        if (!_persons.TryGetValue(oneId, out var person))
            return null;
        lock (person)
            return (new Dictionary<string, object?>(person.Stored ?? new Dictionary<string, object?>(), StringComparer.Ordinal), [.. person.Segments.Order(StringComparer.Ordinal)], person.LastOffset);
    }

    /// <summary>The fact rows of <paramref name="fact"/> held for a person (a copy; null when not held), for tests.</summary>
    internal IReadOnlyList<IReadOnlyDictionary<string, object?>>? Rows(string oneId, string fact)
    {
        if (!_persons.TryGetValue(oneId, out var person))
            return null;
        lock (person)
            return person.Facts.TryGetValue(fact, out var rows) ? [.. rows] : [];
    }

    /// <summary>Drops these persons (their data changed some other way); they are loaded again when next seen.</summary>
    public void Forget(IEnumerable<string> oneIds)
    {
        Interlocked.Increment(ref _epoch);
        foreach (var id in oneIds)
            Drop(id);
    }

    /// <summary>Drops everything, definitions included (after a run, an apply, a segment saved).</summary>
    public void ForgetAll()
    {
        Interlocked.Increment(ref _epoch);
        Volatile.Write(ref _cold, true);
        _pending.Enqueue(() => _warmed = null);
        _context = null;
        _persons.Clear();
        _ordinals.Clear();
        _pending.Enqueue(() =>
        {
            _identifiers.Clear();
            _unknown.Clear();
        });
    }

    /// <summary>
    /// The consumer committed a batch: a person whose rows in it are not all rows this path added (an identify, an
    /// event it left to the committed path) is dropped, as are the persons whose identifiers it regrouped (both sides
    /// of a merge or a split), whose identifiers are asked again; identifiers it did not know may be known now. Call
    /// before laying the committed path's index rows, so that only persons not held get them.
    /// </summary>
    public void Applied(IEnumerable<(string OneId, IReadOnlyCollection<long> Lines)> persons, IEnumerable<string> regrouped)
    {
        var epoch = Interlocked.Increment(ref _epoch);
        var processed = Interlocked.Read(ref _processed);
        foreach (var (id, lines) in persons)
        {
            _touchedAt[id] = epoch;
            if (!_persons.TryGetValue(id, out var person))
            {
                Ahead(id); // they just sent events: their next ones should not wait for the engine
                continue;
            }
            bool all;
            lock (person)
            {
                // A row this path has not reached yet is checked when it does (added: nothing to do; not: dropped then),
                // so a live path a little behind the consumer does not drop, and read again, every person it is behind on.
                foreach (var line in lines.Where(l => l > processed && !person.Added.Contains(l)))
                    _recheck[line] = id;
                all = lines.All(l => l > processed || person.Added.Contains(l));
            }
            if (!all)
            {
                Drop(id);
                Ahead(id);
            }
        }
        var gone = regrouped.ToHashSet(StringComparer.Ordinal);
        foreach (var id in gone)
        {
            _touchedAt[id] = epoch;
            Drop(id);
        }
        _pending.Enqueue(() =>
        {
            _unknown.Clear();
            // An identifier of a regrouped person may name another one now: asked again.
            if (gone.Count > 0)
                foreach (var key in _identifiers.Where(i => gone.Contains(i.Value)).Select(i => i.Key).ToList())
                    _identifiers.Remove(key);
        });
    }

    private long _epoch;
    private long _processed = -1;
    private readonly ConcurrentDictionary<long, string> _recheck = new();
    private readonly ConcurrentDictionary<string, long> _touchedAt = new(StringComparer.Ordinal);


    /// <summary>Evaluates <paramref name="events"/> as of <paramref name="asOf"/>, reading what it lacks from <paramref name="db"/> (a reader).</summary>
    public LiveOutcome Apply(WorkspaceDatabase db, IReadOnlyList<LiveEvent> events, DateTime asOf)
    {
        _clock.Restart();
        while (_pending.TryDequeue(out var action))
            action();
        Refresh();
        if (_persons.Count > Capacity)
            ForgetAllNow();
        var context = _context ??= RealtimeContext.Build(db, _of.Workspace.Root, _time);
        if (!context.HasWork || events.Count == 0)
            return new LiveOutcome(0, events.Count, [], []);
        var rows = new List<(string OneId, LiveEvent Event, IReadOnlyDictionary<string, object?> Row)>();
        foreach (var group in events.GroupBy(e => e.Source, StringComparer.Ordinal))
            if (_of.Workspace.FindSource(group.Key) is { Kind: SourceKind.Segment, Fact: not null } source && context.FactTables.Contains("fact_" + source.Fact))
                rows.AddRange(Place(db, source, [.. group]).Select(p => (p.OneId, p.Event, context.LiveRow("fact_" + source.Fact, p.Row))));
        Step("place");
        var loaded = Load(db, context, [.. rows.Select(r => r.OneId).Distinct(StringComparer.Ordinal).Where(id => !_persons.ContainsKey(id))]);
        if (_context is null)
            return new LiveOutcome(0, events.Count, [], []); // dropped while reading: the committed path has these
        var touched = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (oneId, e, row) in rows)
        {
            if (!_persons.TryGetValue(oneId, out var person))
                continue; // dropped meanwhile: left to the committed path
            lock (person)
            {
                if (!person.Lines.Add((e.Source, e.Offset)))
                    continue; // already in what was loaded (the consumer applied it first)
                person.Added.Add(e.Offset);
                person.Add(_of.Workspace.FindSource(e.Source)!.Fact!, row);
            }
            last[oneId] = Math.Max(last.GetValueOrDefault(oneId, -1), e.Offset);
            touched[oneId] = touched.TryGetValue(oneId, out var at) && at < e.Arrived ? at : e.Arrived;
        }
        // Rows the consumer committed before this path reached them: a person whose row was not placed is dropped.
        Interlocked.Exchange(ref _processed, Math.Max(Interlocked.Read(ref _processed), events.Max(e => e.Offset)));
        var placedFor = rows.Select(r => (r.OneId, r.Event.Offset)).ToHashSet();
        foreach (var e in events)
            if (_recheck.TryRemove(e.Offset, out var recheck) && !placedFor.Contains((recheck, e.Offset)))
                Drop(recheck);
        Step("load+add");
        var updates = new List<LiveUpdate>(touched.Count);
        var patches = new List<IndexPatch>();
        foreach (var (oneId, at) in touched)
        {
            if (!_persons.TryGetValue(oneId, out var person))
                continue;
            lock (person)
            {
                var (update, after) = PersonEvaluation.Evaluate(context, oneId, at, person.State, asOf);
                person.Stored = after;
                person.Segments.ExceptWith(update.Left);
                person.Segments.UnionWith(update.Entered);
                person.LastOffset = Math.Max(person.LastOffset, last[oneId]); // with the values that include it (Person reads both)
                if (update.TagsChanged && person.Ordinal is { } ordinal)
                    patches.Add(new IndexPatch(ordinal, update.Present, after ?? new Dictionary<string, object?>()));
                updates.Add(new LiveUpdate(oneId, at, update.Changed, update.Entered, update.Left));
            }
        }
        Step("evaluate");
        return new LiveOutcome(rows.Count, events.Count - rows.Count, updates, patches) { Loaded = loaded, Offsets = [.. rows.Select(r => r.Event.Offset)] };
    }

    /// <summary>The rows of <paramref name="events"/> this path can place: cleansed, and every identifier naming the same known person.</summary>
    private List<(string OneId, LiveEvent Event, Dictionary<string, object?> Row)> Place(WorkspaceDatabase db, SourceDefinition source, List<LiveEvent> events)
    {
        var placed = new List<(string, LiveEvent, Dictionary<string, object?>)>(events.Count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events.OrderBy(e => e.Offset))
        {
            var (verdict, row) = RowCleansing.Clean(source, EventTimes.ToWorkspaceTime(e.Payload.Span, _of.Workspace.TimeZone), _of.Workspace.DefaultCountryCode);
            if (verdict != RowVerdict.Kept || row is null)
                continue; // rejected (the consumer quarantines it) or unsure (the consumer decides)
            // A second row with the same de-duplication key in the batch is a duplicate, as the consumer marks it.
            if (source.Dedupe.Count > 0 && source.Dedupe.All(k => row[k] is not null)
                && !keys.Add(string.Join('\u001f', source.Dedupe.Select(k => Convert.ToString(row[k], System.Globalization.CultureInfo.InvariantCulture)))))
                continue;
            if (OneIdOf(db, source, row) is not { } oneId)
                continue;
            row["_source"] = source.Name;
            row["_load_id"] = LoadId;
            row["_line"] = e.Offset;
            row["oneid"] = oneId;
            row["event_time"] = source.EventTime is null ? null : row[source.EventTime];
            placed.Add((oneId, e, row));
        }
        return placed;
    }

    /// <summary>Reads the persons not held yet as the committed path reads them (with each fact row's source and line, to recognise rows already applied).</summary>
    private int Load(WorkspaceDatabase db, RealtimeContext context, List<string> ids)
    {
        if (ids.Count == 0)
            return 0;
        // A batch the consumer committed while these were read may be in the snapshot or not: its persons are read again.
        var held = new List<string>(ids.Count);
        for (var attempt = 0; attempt < 3 && ids.Count > 0; attempt++)
        {
            var epoch = Interlocked.Read(ref _epoch);
            var persons = Read(db, context, ids);
            ids = [];
            foreach (var (id, person) in persons)
            {
                if (_touchedAt.TryGetValue(id, out var touched) && touched > epoch)
                {
                    ids.Add(id);
                    continue;
                }
                _persons[id] = person;
                if (person.Ordinal is { } ordinal)
                    _ordinals[ordinal] = id;
                held.Add(id);
            }
        }
        Identifiers(db, held);
        if (_touchedAt.Count > 100_000)
            _touchedAt.Clear(); // only the last few batches matter, and none is being read now
        return held.Count;
    }

    private static Dictionary<string, LivePerson> Read(WorkspaceDatabase db, RealtimeContext context, List<string> ids)
    {
        var result = new Dictionary<string, LivePerson>(StringComparer.Ordinal);
        var read = PersonReads.Read(db, context, ids, "_source, _line");
        var ordinals = db.TableExists(PersonOrdinals.Table) ? PersonRows.Read(db, PersonOrdinals.Table, ids) : [];
        foreach (var id in ids)
        {
            var person = new LivePerson(read.GoldenOf(id), read.StoredOf(id), read.SegmentsOf(id));
            foreach (var fact in read.Facts.Keys)
            {
                var list = person.Facts[fact] = [.. read.FactsOf(fact, id)];
                foreach (var row in list)
                    if (row.GetValueOrDefault("_source") is string source && row.GetValueOrDefault("_line") is { } line)
                        person.Lines.Add((source, Convert.ToInt64(line, System.Globalization.CultureInfo.InvariantCulture)));
            }
            if (ordinals.TryGetValue(id, out var o))
                person.Ordinal = Convert.ToUInt32(o[0]["ordinal"], System.Globalization.CultureInfo.InvariantCulture);
            result[id] = person;
        }
        return result;
    }

    private void Drop(string oneId)
    {
        if (_persons.TryRemove(oneId, out var person) && person.Ordinal is { } ordinal)
            _ordinals.TryRemove(ordinal, out _);
    }

    private void ForgetAllNow()
    {
        _persons.Clear();
        _ordinals.Clear();
    }
}
