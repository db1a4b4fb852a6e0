namespace TagCenter.Core.Models.Preferences;

/// <summary>
/// Time-decayed preferences: an event that is h days old counts 0.5^(h / half-life) of its weight, so a purchase one
/// half-life ago counts half as much as one today. A person's top N are the categories with the largest summed
/// weights, ties broken by category name (ordinal) so the result is reproducible. The share of one category
/// (the discounted price band, say) is its decayed weight over the person's total, and a level names the share.
/// </summary>
public static class PreferenceWeights
{
    public static double Decay(double ageDays, double halfLifeDays) => Math.Pow(0.5, Math.Max(ageDays, 0) / halfLifeDays);

    /// <summary>Each person's decayed weight per category, from raw events.</summary>
    public static IEnumerable<(string OneId, string Category, double Weight)> Weights(IEnumerable<PreferenceEvent> events, double halfLifeDays) =>
        events.GroupBy(e => (e.OneId, e.Category))
            .Select(g => (g.Key.OneId, g.Key.Category, g.Sum(e => e.Weight * Decay(e.AgeDays, halfLifeDays))));

    /// <summary>Each person's top <paramref name="top"/> categories, from raw events.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Top(IEnumerable<PreferenceEvent> events, double halfLifeDays, int top) =>
        Rank(Weights(events, halfLifeDays), top);

    /// <summary>Each person's top categories from summed weights (the engine sums them in SQL).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Rank(IEnumerable<(string OneId, string Category, double Weight)> weights, int top) =>
        weights.Where(w => w.Weight > 0).GroupBy(w => w.OneId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<string>)g.OrderByDescending(w => w.Weight).ThenBy(w => w.Category, StringComparer.Ordinal).Take(top).Select(w => w.Category).ToList(),
            StringComparer.Ordinal);

    /// <summary>Each person's decayed weight of <paramref name="category"/> over all their decayed weight (0 to 1).</summary>
    public static IReadOnlyDictionary<string, double> Shares(IEnumerable<PreferenceEvent> events, double halfLifeDays, string category) =>
        Weights(events, halfLifeDays).Where(w => w.Weight > 0).GroupBy(w => w.OneId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.Where(w => w.Category == category).Sum(w => w.Weight) / g.Sum(w => w.Weight),
            StringComparer.Ordinal);

    /// <summary>The label of the highest bound the share reaches; null below every bound.</summary>
    public static string? Level(double share, IReadOnlyList<PreferenceLevel> levels) =>
        levels.OrderByDescending(l => l.From).FirstOrDefault(l => share >= l.From)?.Label;
}
