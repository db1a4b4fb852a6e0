namespace TagCenter.DuckDb.Tests.Analysis;

/// <summary>
/// A second implementation of the funnel, written from the definition and not from the SQL: a person reaches step
/// k when some chain of events e1 &lt; e2 &lt; … &lt; ek (strictly later times, each of its step's event, all within the
/// window from the entry) exists, found by trying every chain; the time of step k is the earliest k-th event over
/// all such chains. Exponential, for small logs only.
/// </summary>
internal static class FunnelReference
{
    /// <summary>Per step, the persons reaching it and the median (seconds) of the time since the previous step.</summary>
    public static (long[] Persons, double?[] Medians) Run(IEnumerable<(string? OneId, string Event, DateTime Time)> log,
        IReadOnlyList<string> steps, TimeSpan within, DateTime? from = null, DateTime? to = null)
    {
        var persons = new long[steps.Count];
        var gaps = Enumerable.Range(0, steps.Count).Select(_ => new List<double>()).ToArray();
        foreach (var person in log.Where(e => e.OneId is not null).GroupBy(e => e.OneId))
        {
            var entries = person.Where(e => e.Event == steps[0] && (from is null || e.Time >= from) && (to is null || e.Time < to)).ToList();
            if (entries.Count == 0)
                continue;
            var entry = entries.Min(e => e.Time);
            var best = new DateTime?[steps.Count];
            best[0] = entry;
            Search(person.ToList(), steps, entry, entry + within, 1, entry, best, []);
            for (var k = 0; k < steps.Count && best[k] is not null; k++)
            {
                persons[k]++;
                if (k > 0)
                    gaps[k].Add((best[k]!.Value - best[k - 1]!.Value).TotalSeconds);
            }
        }
        return (persons, [.. gaps.Select((g, k) => k == 0 || g.Count == 0 ? (double?)null : Median(g))]);
    }

    // Tries every continuation of the chain; best[k] keeps the earliest time at step k over all chains reaching k.
    private static void Search(List<(string? OneId, string Event, DateTime Time)> events, IReadOnlyList<string> steps, DateTime entry, DateTime end,
        int k, DateTime previous, DateTime?[] best, List<DateTime> chain)
    {
        if (k == steps.Count)
            return;
        foreach (var e in events.Where(e => e.Event == steps[k] && e.Time > previous && e.Time <= end))
        {
            if (best[k] is null || e.Time < best[k])
                best[k] = e.Time;
            Search(events, steps, entry, end, k + 1, e.Time, best, chain);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
