using TagCenter.Core.Models.Features;
using TagCenter.Core.Models.Propensity;

namespace TagCenter.DuckDb.Models;

/// <summary>A classifier's figures as a version records them (snake_case JSON in <c>model_versions.metrics</c>).</summary>
internal static class ClassifierRecord
{
    public static Dictionary<string, object?> Of(PropensityFit fit, int holdoutPercent)
    {
        var m = fit.Holdout;
        return new Dictionary<string, object?>
        {
            ["learner"] = fit.Learner,
            ["validation_auc"] = fit.Candidates.ToDictionary(c => c.Learner, c => Finite(c.ValidationAuc)),
            ["train_persons"] = fit.TrainPersons,
            ["validation_persons"] = fit.ValidationPersons,
            ["holdout"] = new Dictionary<string, object?>
            {
                ["rule"] = HoldoutSplit.Rule,
                ["holdout_percent"] = holdoutPercent,
                ["persons"] = m.Persons,
                ["positives"] = m.Positives,
                ["auc"] = Finite(m.Auc),
                ["log_loss"] = Finite(m.LogLoss),
                ["threshold"] = m.Threshold,
                ["precision"] = m.Precision,
                ["recall"] = m.Recall,
                ["deciles"] = m.Deciles.Select(d => new Dictionary<string, object?>
                {
                    ["decile"] = d.Decile,
                    ["persons"] = d.Persons,
                    ["mean_predicted"] = d.MeanPredicted,
                    ["actual_rate"] = d.ActualRate,
                    ["lift"] = d.Lift,
                }).ToList(),
            },
            ["top_features"] = fit.TopFeatures.Select(f => new Dictionary<string, object?> { ["feature"] = f.Feature, ["share"] = f.Share }).ToList(),
            ["permutation_importance"] = fit.Permutation.Select(f => new Dictionary<string, object?>
            {
                ["feature"] = f.Feature,
                ["auc_drop"] = Finite(f.AucDrop),
                ["std"] = Finite(f.StandardDeviation),
            }).ToList(),
        };
    }

    /// <summary>JSON has no NaN: an AUC a split with one class cannot give is null.</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
