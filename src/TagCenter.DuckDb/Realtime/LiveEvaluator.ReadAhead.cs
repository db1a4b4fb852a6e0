using System.Collections.Concurrent;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Realtime;

public sealed partial class LiveEvaluator
{
    /// <summary>
    /// Whether persons are waiting to be read ahead: those events can name (at the start, and after
    /// <see cref="ForgetAll"/>), and those the committed path just applied events of and this path does not hold.
    /// </summary>
    public bool Cold => Volatile.Read(ref _cold) || !_ahead.IsEmpty;

    private bool _cold = true;

    /// <summary>Persons to read ahead when the loop is idle (see <see cref="Applied"/>).</summary>
    private readonly ConcurrentQueue<string> _ahead = new();

    private void Ahead(string oneId)
    {
        if (_ahead.Count < Capacity)
            _ahead.Enqueue(oneId);
    }

    /// <summary>
    /// Reads ahead, up to <paramref name="most"/> at a time, the persons that an identifier only events carry names
    /// (<c>user_id</c>, <c>anonymous_id</c>: the types only event sources declare), so their first event does not
    /// wait for the engine. Returns how many it read; 0 when none is left (then it is warm). The loop looks for
    /// events between calls, so <paramref name="most"/> bounds how long an event waits behind a read ahead: about
    /// 0.5 ms a person at 2 cores (250 at once held events up to ~100 ms).
    /// </summary>
    public int Warm(WorkspaceDatabase db, int most = 32)
    {
        while (_pending.TryDequeue(out var action))
            action();
        Refresh();
        var context = _context ??= RealtimeContext.Build(db, _of.Workspace.Root, _time);
        var types = _of.EventOnly;
        if (!context.HasWork || types.Count == 0 || !db.TableExists("identity_map") || _persons.Count >= Capacity)
        {
            Warmed();
            return 0;
        }
        var ids = new List<string>(most);
        if (Volatile.Read(ref _cold))
        {
            _warmed ??= new Queue<string>(db.Rows($"""
                SELECT DISTINCT oneid FROM identity_map WHERE entity = 'person' AND oneid IS NOT NULL
                  AND type IN ({string.Join(", ", types.Select(Core.Sql.SqlText.Literal))}) ORDER BY oneid LIMIT {Capacity}
                """).Select(r => (string)r[0]!));
            while (ids.Count < most && _warmed.TryDequeue(out var id))
                if (!_persons.ContainsKey(id))
                    ids.Add(id);
            if (_warmed.Count == 0)
            {
                _warmed = null;
                Volatile.Write(ref _cold, false);
            }
        }
        while (ids.Count < most && _ahead.TryDequeue(out var next))
            if (!_persons.ContainsKey(next) && !ids.Contains(next, StringComparer.Ordinal))
                ids.Add(next);
        return Load(db, context, ids);
    }

    private Queue<string>? _warmed;

    /// <summary>Stops reading ahead (persons are read when first seen).</summary>
    public void Warmed()
    {
        Volatile.Write(ref _cold, false);
        _ahead.Clear();
    }
}
