using System.Text.Json;
using TagCenter.Core.Models;

namespace TagCenter.DuckDb.Models;

/// <summary>
/// A model as JSON, one shape for <c>model list|show --json</c> and <c>/api/v1/models</c>: the declaration, the version
/// in use and the last attempt, and in full the output distribution and every attempt.
/// </summary>
public static class ModelJson
{
    /// <summary>One row of the list, from every version of every model (<see cref="ModelHistory.Versions(Storage.WorkspaceDatabase)"/>).</summary>
    public static object Row(ModelDefinition model, IReadOnlyList<ModelVersion> versions, ModelPublication? publication = null)
    {
        var mine = versions.Where(v => v.Model == model.Name).ToList();
        var (inUse, last) = (mine.LastOrDefault(v => v.Status == "ok"), mine.LastOrDefault());
        return new
        {
            model = model.Name,
            kind = Kind(model),
            fact = model.Input?.Fact,
            features = model.Features,
            outputs = model.Outputs,
            schedule = model.Schedule,
            owner = model.Owner,
            published = Publication(publication),
            version_in_use = inUse?.Version,
            trained_at = inUse?.TrainedAt,
            as_of = inUse?.AsOf,
            persons = inUse?.Persons,
            last_status = last?.Status,
            last_message = last?.Message,
        };
    }

    /// <summary>One model in full: its versions (oldest first) and the output summaries of the version in use.</summary>
    public static object Show(ModelDefinition model, IReadOnlyList<ModelVersion> versions, IReadOnlyList<ModelOutputSummary> outputs,
        ModelPublication? publication = null)
    {
        var inUse = versions.LastOrDefault(v => v.Status == "ok");
        return new
        {
            model = model.Name,
            kind = Kind(model),
            file = model.File,
            input = model.Input is not { } input ? null : new { fact = input.Fact, time = input.Time, amount = input.Amount, category = input.Category, basket = input.Basket, where = input.Where },
            features = model.Features,
            describe = model.Describe,
            label = model.Label is not { } label ? null : new { kind = label.Kind.ToString().ToLowerInvariant(), days = label.Days, tag = label.Tag, positive = label.Positive, negative = label.Negative },
            population = model.Population,
            seed = model.Seed,
            outputs_to_tags = model.Outputs,
            schedule = model.Schedule,
            owner = model.Owner,
            published = Publication(publication),
            version_in_use = inUse is null ? null : Version(inUse),
            distribution = outputs.Select(s => new
            {
                output = s.Output,
                tag = model.Outputs.GetValueOrDefault(s.Output),
                persons = s.Persons,
                counts = s.Counts.Count == 0 ? null : s.Counts.ToDictionary(c => c.Value, c => c.Persons),
                sum = s.Sum,
                mean = s.Mean,
                min = s.Min,
                max = s.Max,
            }),
            versions = versions.Select(Version),
        };
    }

    private static string Kind(ModelDefinition model) => model.Kind.ToString().ToLowerInvariant();

    /// <summary>Status is published, changed (its file differs: <c>pending</c> says how), new (files only) or removed (published only).</summary>
    private static object? Publication(ModelPublication? publication) => publication is null ? null : new
    {
        status = publication.StatusName,
        published = publication.Published,
        published_at = publication.PublishedAt,
        pending = publication.Pending,
    };

    private static object Version(ModelVersion v) => new
    {
        version = v.Version,
        status = v.Status,
        message = v.Message,
        trained_at = v.TrainedAt,
        as_of = v.AsOf,
        persons = v.Persons,
        data_hash = v.DataHash,
        parameters = JsonDocument.Parse(v.Parameters).RootElement.Clone(),
        metrics = JsonDocument.Parse(v.Metrics).RootElement.Clone(),
    };
}
