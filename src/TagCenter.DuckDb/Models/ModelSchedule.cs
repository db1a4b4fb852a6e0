using TagCenter.Core.Models;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Models;

/// <summary>
/// Which models are due for training at a time, by their <c>schedule</c> (the tags' refresh syntax) and their last
/// attempt: for <c>tagcenter run</c>, which trains models on their own schedule before it computes the tags.
/// A failed attempt counts as an attempt, so a broken model is retried on its schedule, not on every run; a model
/// published since its last attempt is due at once.
/// </summary>
public static class ModelSchedule
{
    public static IReadOnlyList<ModelDefinition> Due(WorkspaceDatabase db, ModelCatalog models, DateTime nowUtc, TimeZoneInfo zone)
    {
        var last = ModelHistory.Versions(db).GroupBy(v => v.Model).ToDictionary(g => g.Key, g => g.Max(v => v.TrainedAt), StringComparer.Ordinal);
        var published = PublishedModels.PublishedAt(db);
        return [.. models.Models.Where(m =>
        {
            DateTime? trained = last.TryGetValue(m.Name, out var at) ? at : null;
            // A model applied (added or changed) since its last attempt trains on the next run, whatever its schedule.
            return RefreshSchedule.IsDue(m.Schedule, trained, nowUtc, zone)
                || (trained is { } t && published.TryGetValue(m.Name, out var p) && p > t);
        })];
    }
}
