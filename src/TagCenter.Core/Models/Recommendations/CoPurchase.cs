namespace TagCenter.Core.Models.Recommendations;

/// <summary>One recommended item, with its score: the sum of its co-purchase counts with what the person bought.</summary>
public sealed record Recommendation(string Item, long Score);

/// <summary>
/// "People who bought X also bought": two items are related by the number of baskets holding both (an item
/// repeated in a basket counts once); a person's candidates are the items not yet bought, scored by the sum of their
/// counts with each item the person bought; the top N by score, ties by item (ordinal). The reference the engine's
/// recommendation model is tested against.
/// </summary>
public static class CoPurchase
{
    public static IReadOnlyList<Recommendation> For(IEnumerable<(string Basket, string Item)> lines, IReadOnlySet<string> bought, int top)
    {
        var baskets = lines.GroupBy(l => l.Basket, StringComparer.Ordinal).Select(g => g.Select(l => l.Item).Distinct(StringComparer.Ordinal).ToList());
        var scores = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var items in baskets)
        {
            var owned = items.Count(bought.Contains);
            if (owned == 0)
                continue;
            foreach (var item in items.Where(i => !bought.Contains(i)))
                scores[item] = scores.GetValueOrDefault(item) + owned;
        }
        return [.. scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Take(top).Select(s => new Recommendation(s.Key, s.Value))];
    }
}
