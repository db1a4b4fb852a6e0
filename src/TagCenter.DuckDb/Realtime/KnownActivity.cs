using TagCenter.Core.Index;
using TagCenter.DuckDb.Index;

namespace TagCenter.DuckDb.Realtime;

/// <summary>
/// The activity columns of <see cref="Persons"/> already computed from fact rows the real-time evaluator read (per
/// OneID, per column code, days before the anchor): <see cref="ActivityPatches.Read"/> reads only the other persons.
/// </summary>
public sealed class KnownActivity
{
    private readonly HashSet<string> _persons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, long>> _latest = new(StringComparer.Ordinal);

    public IReadOnlySet<string> Persons => _persons;

    /// <summary>The columns known for <paramref name="oneId"/> (a column without an event is absent).</summary>
    public IReadOnlyDictionary<string, long> Of(string oneId) => _latest.TryGetValue(oneId, out var known) ? known : [];

    /// <summary>
    /// Computes the columns <paramref name="codes"/> at <paramref name="anchor"/> of <paramref name="oneIds"/> from
    /// <paramref name="facts"/> (per fact name, per OneID, the rows read, with <c>event_time</c> and <c>event</c>), so
    /// the rows need not be kept.
    /// </summary>
    public void Add(IReadOnlyList<string> oneIds, IReadOnlyDictionary<string, Dictionary<string, List<IReadOnlyDictionary<string, object?>>>> facts,
        DateTime anchor, IReadOnlyList<string> codes)
    {
        foreach (var id in oneIds)
        {
            _persons.Add(id);
            var latest = _latest[id] = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var source in codes.Select(ActivitySource.Of))
                if (facts.TryGetValue(source.Fact, out var rows)
                    && ActivityColumns.Latest(rows.TryGetValue(id, out var own) ? own : [], anchor, source.Event) is { } day)
                    latest[source.Code] = day;
        }
    }
}
