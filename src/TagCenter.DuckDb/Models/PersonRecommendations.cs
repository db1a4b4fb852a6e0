using TagCenter.Core.Models;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Models;

/// <summary>One item recommended to a person: its co-purchase score and the bought item sharing the most baskets with it.</summary>
public sealed record RecommendedItem(string Item, long Score, string Because);

/// <summary>
/// A person's recommendations on demand (for <c>tagcenter recommend</c>): the recommendation model's rule for one
/// person and any N, as of a time; the stored tag holds only the model's top N for everyone.
/// </summary>
public static class PersonRecommendations
{
    public static IReadOnlyList<RecommendedItem> For(WorkspaceDatabase db, ModelDefinition model, DateTime asOf, string oneId, int top) =>
        [.. RecommendationTraining.For(db, model, asOf, oneId, top).Select(r => new RecommendedItem(r.Item, r.Score, r.Because))];
}
