using TagCenter.Core.Models;
using TagCenter.Core.Models.Propensity;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Models;

/// <summary>
/// Lookalike (相似人群): the seed's rule and the feature tags as of now; a classifier learns seed against everyone
/// else (the propensity learners, chosen and judged the same way) and every person outside the seed gets the
/// probability it gives as a similarity score. The seed size and the hold-out AUC are recorded.
/// </summary>
internal static class LookalikeTraining
{
    private const string Seed = "_seed";

    public static ModelRun Run(WorkspaceDatabase db, ModelDefinition model, TagCatalog tags, ModelCatalog? models, DateTime asOf, ModelOutputWriter writer)
    {
        var p = model.Parameters;
        var read = ModelFeatures.Read(db, tags, model.Features, new Dictionary<string, string> { [Seed] = model.SeedRule! }, asOf, models: models);
        var inSeed = read.Rules[Seed];
        var seedSize = inSeed.Count(s => s == true);
        if (seedSize == 0)
            throw new ModelFitException(Texts.T("models.fit.seedempty", model.Seed));
        var labels = inSeed.Select(s => (bool?)(s == true)).ToArray();
        var others = Enumerable.Range(0, read.Table.Count).Where(i => inSeed[i] != true).ToList();
        var fit = PropensityClassifier.Fit(read.Table, labels, read.Table.Rows(others), new PropensityOptions(p.HoldoutPercent, p.Threshold));
        var output = model.Outputs.Keys.Single();
        for (var i = 0; i < others.Count; i++)
            writer.Number(read.Table.OneIds[others[i]], output, fit.Scores[i]);
        var metrics = ClassifierRecord.Of(fit, p.HoldoutPercent);
        metrics["seed"] = model.Seed;
        metrics["seed_size"] = seedSize;
        metrics["persons"] = others.Count;
        metrics["auc"] = ClassifierRecord.Finite(fit.Holdout.Auc);
        var parameters = new Dictionary<string, object?>
        {
            ["seed"] = model.Seed,
            ["seed_rule"] = model.SeedRule,
            ["features"] = model.Features,
            ["holdout_percent"] = p.HoldoutPercent,
        };
        return new ModelRun(others.Count, parameters, metrics) { DataHash = read.Hash };
    }
}
