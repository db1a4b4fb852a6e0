using TagCenter.Core.Models;
using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Models;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Pipeline;

/// <summary>
/// The models stage of a run or refresh: trains the models that are due before the tags are computed; a failed
/// model keeps its previous version and the tag run goes on with it. Then hands the tag run the values of every
/// model tag from the versions in use.
/// </summary>
internal static class ModelTraining
{
    /// <summary>What the stage did: the attempts, and the model tags whose values a new version changed.</summary>
    public sealed record Result(IReadOnlyList<ModelRunReport> Reports, IReadOnlyList<string> RetrainedTags, ModelCatalog Models);

    public static Result TrainDue(WorkspaceDatabase db, WorkspaceDefinition definition, DateTime asOfLocal, IPipelineProgress progress,
        TimeProvider time, CancellationToken cancellationToken)
    {
        // The published models (tagcenter apply), over the published tags: editing models/ changes nothing until applied.
        var models = PublishedModels.Load(db, PublishedCatalog.Load(db) ?? TagCatalog.Load(definition.Root));
        if (models.Models.Count == 0)
            return new Result([], [], models);
        var trainer = new ModelTrainer(db, time, models);
        var reports = new List<ModelRunReport>();
        var due = ModelSchedule.Due(db, models, time.GetUtcNow().UtcDateTime, definition.TimeZone);
        if (due.Count == 0)
            progress.ModelsNothingDue();
        foreach (var model in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var report = progress.Step(PipelineStep.Models, model.Name, () => trainer.Train(model, asOfLocal));
            reports.Add(report);
            progress.ModelTrained(model, report);
        }
        var retrained = reports.Where(r => r.Succeeded).SelectMany(r => models.Find(r.Model)!.Outputs.Values).ToList();
        return new Result(reports, retrained, models);
    }

    /// <summary>Per model tag of the catalog, its values from the version in use of the model filling it.</summary>
    public static IReadOnlyDictionary<string, SqlFragment> Values(Result models, WorkspaceDatabase db, TagCatalog catalog) =>
        ModelTagValues.InUse(db, models.Models, catalog);
}
