using System.Globalization;
using TagCenter.Cli.Console;
using TagCenter.Core.Models;
using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Models;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.Cli.Commands;

/// <summary>
/// The models stage of <c>run</c> and <c>refresh</c> (and so of the demo): trains the models that are due before the
/// tags are computed, one line per model; a failed model says why and keeps its previous version, and the tag run
/// goes on with it. Then hands the tag run the values of every model tag from the versions in use.
/// </summary>
internal static class ModelStep
{
    /// <summary>What the stage did: the attempts, and the model tags whose values a new version changed.</summary>
    public sealed record Result(IReadOnlyList<ModelRunReport> Reports, IReadOnlyList<string> RetrainedTags, ModelCatalog Models);

    public static Result TrainDue(CliContext context, WorkspaceDefinition definition, WorkspaceDatabase db, DateTime asOfLocal, CancellationToken cancellationToken)
    {
        var models = ModelCommand.Catalog(definition.Root);
        if (models.Models.Count == 0)
            return new Result([], [], models);
        var t = context.Texts;
        var trainer = new ModelTrainer(db, TimeProvider.System, models.Tags);
        var reports = new List<ModelRunReport>();
        var due = ModelSchedule.Due(db, models, TimeProvider.System.GetUtcNow().UtcDateTime, definition.TimeZone);
        if (due.Count == 0 && !context.Json)
            ConsoleOutput.Ok(t["models.step"] + "  " + t["models.pipeline.nothingdue"]);
        foreach (var model in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var report = ConsoleOutput.Busy(context, t["models.step"] + " " + model.Name, () => trainer.Train(model, asOfLocal));
            reports.Add(report);
            if (context.Json)
                continue;
            if (report.Succeeded)
                ConsoleOutput.Step(t["models.step"], Line(report, model.Kind, t), report.Elapsed);
            else
                ConsoleOutput.Warn("✘ " + ModelTrainer.Describe(report));
        }
        var retrained = reports.Where(r => r.Succeeded).SelectMany(r => models.Find(r.Model)!.Outputs.Values).ToList();
        return new Result(reports, retrained, models);
    }

    /// <summary>Per model tag of the catalog, its values from the version in use of the model filling it.</summary>
    public static IReadOnlyDictionary<string, SqlFragment> Values(Result models, WorkspaceDatabase db, TagCatalog catalog) =>
        ModelTagValues.InUse(db, models.Models, catalog);

    /// <summary>The attempts as <c>--json</c> shows them (as <c>model run</c> does).</summary>
    public static IReadOnlyList<object> Json(IReadOnlyList<ModelRunReport> reports) =>
        [.. reports.Select(r => new { model = r.Model, version = r.Version, ok = r.Succeeded, persons = r.Persons, message = r.Message, version_in_use = r.VersionInUse, seconds = r.Elapsed.TotalSeconds })];

    /// <summary>One warning per model tag the run left empty because its model has never trained.</summary>
    public static void WarnUntrained(CliContext context, TagRunReport report)
    {
        if (context.Json)
            return;
        foreach (var tag in report.UntrainedModelTags)
            ConsoleOutput.Warn("! " + context.Texts.Format("models.tag.untrained", tag));
    }

    /// <summary>Version, persons and the model's key figure.</summary>
    private static string Line(ModelRunReport report, ModelKind kind, Texts t)
    {
        var metric = kind switch
        {
            ModelKind.Rfm when report.Metrics.GetValueOrDefault("classes") is IReadOnlyDictionary<string, int> classes
                => t.Format("models.metric.rfm", classes.GetValueOrDefault("重要价值客户")),
            ModelKind.Clv when report.Metrics.GetValueOrDefault("total_clv") is { } total
                => t.Format("models.metric.clv", Convert.ToDouble(total, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture)),
            ModelKind.Preference when report.Metrics.GetValueOrDefault("categories") is { } categories
                => t.Format("models.metric.preference", categories),
            _ => null,
        };
        var line = t.Format("models.run.ok", report.Model, report.Version, report.Persons);
        return metric is null ? line : line + " · " + metric;
    }
}
