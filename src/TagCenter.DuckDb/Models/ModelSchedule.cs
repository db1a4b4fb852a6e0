using TagCenter.Core.Models;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Models;

/// <summary>
/// Which models are due for training at a time, by their <c>schedule</c> (the tags' refresh syntax) and their last
/// attempt: for <c>tagcenter run</c>, which trains models on their own schedule before it computes the tags.
/// A failed attempt counts as an attempt, so a broken model is retried on its schedule, not on every run.
/// </summary>
public static class ModelSchedule
{
    public static IReadOnlyList<ModelDefinition> Due(WorkspaceDatabase db, ModelCatalog models, DateTime nowUtc, TimeZoneInfo zone)
    {
        var last = ModelHistory.Versions(db).GroupBy(v => v.Model).ToDictionary(g => g.Key, g => g.Max(v => v.TrainedAt), StringComparer.Ordinal);
        return [.. models.Models.Where(m => RefreshSchedule.IsDue(m.Schedule, last.TryGetValue(m.Name, out var at) ? at : null, nowUtc, zone))];
    }
}
