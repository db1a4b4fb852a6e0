using System.Globalization;
using TagCenter.Core.Models;
using TagCenter.Core.Models.Propensity;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;
using static TagCenter.Core.Sql.SqlFragment;

namespace TagCenter.DuckDb.Models;

/// <summary>
/// Propensity on any label. An event label (churn: no event in the N days after the cut-off; purchase: one within N
/// days) sets the cut-off at the as-of time minus N days: features and the population are computed AS OF the cut-off,
/// the outcome is read strictly after it, so the classifier cannot see the future it predicts. It then scores the
/// population as of now with features as of now. A tag label reads the outcome and the features as of now.
/// </summary>
internal static class PropensityTraining
{
    private const string Population = "_population";

    public static ModelRun Run(WorkspaceDatabase db, ModelDefinition model, TagCatalog tags, ModelCatalog? models, DateTime asOf, ModelOutputWriter writer)
    {
        var label = model.Label!;
        var p = model.Parameters;
        var rules = model.Population is { } rule ? new Dictionary<string, string> { [Population] = rule } : new Dictionary<string, string>();
        var now = ModelFeatures.Read(db, tags, model.Features, rules, asOf, label.Kind == ModelLabelKind.Tag ? [label.Tag!] : null, models);
        FeatureRead training;
        bool?[] labels;
        DateTime? cutoff = null;
        if (label.Kind == ModelLabelKind.Tag)
        {
            training = now;
            labels = TagLabels(label, tags.Find(label.Tag!)!, now.Raw[label.Tag!]);
        }
        else
        {
            var facts = new ModelFacts(db, model, asOf);
            cutoff = asOf.AddDays(-label.Days);
            training = ModelFeatures.Read(db, tags, model.Features, rules, cutoff.Value, models: models);
            var events = db.Rows(Of($"SELECT DISTINCT oneid {facts.After(cutoff.Value)}")).Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
            labels = [.. training.Table.OneIds.Select(id => (bool?)(label.Kind == ModelLabelKind.Absent ? !events.Contains(id) : events.Contains(id)))];
        }
        if (training.Rules.TryGetValue(Population, out var inPopulation))
            for (var i = 0; i < labels.Length; i++)
                labels[i] = inPopulation[i] == true ? labels[i] : null;
        var scored = Enumerable.Range(0, now.Table.Count).Where(i => !now.Rules.TryGetValue(Population, out var pop) || pop[i] == true).ToList();
        var fit = PropensityClassifier.Fit(training.Table, labels, now.Table.Rows(scored), new PropensityOptions(p.HoldoutPercent, p.Threshold));
        var output = model.Outputs.Keys.Single();
        for (var i = 0; i < scored.Count; i++)
            writer.Number(now.Table.OneIds[scored[i]], output, fit.Scores[i]);
        var labelled = labels.Count(l => l is not null);
        var positives = labels.Count(l => l == true);
        var metrics = ClassifierRecord.Of(fit, p.HoldoutPercent);
        metrics["persons"] = scored.Count;
        metrics["labelled_persons"] = labelled;
        metrics["positives"] = positives;
        metrics["base_rate"] = labelled == 0 ? 0 : (double)positives / labelled;
        var parameters = new Dictionary<string, object?>
        {
            ["label"] = label.Kind switch
            {
                ModelLabelKind.Absent => $"no {model.Input!.Fact} in the {label.Days} days after the cut-off",
                ModelLabelKind.Within => $"{model.Input!.Fact} within {label.Days} days after the cut-off",
                _ => $"{label.Tag} in [{string.Join(", ", label.Positive)}]",
            },
            ["cutoff"] = cutoff?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            ["features"] = model.Features,
            ["population"] = model.Population,
            ["holdout_percent"] = p.HoldoutPercent,
            ["threshold"] = p.Threshold,
            ["training_data_hash"] = training.Hash,
        };
        return new ModelRun(scored.Count, parameters, metrics) { DataHash = now.Hash };
    }

    /// <summary>A bool tag is its own label; otherwise the declared positive values are 1, the negative (or, none declared, every other) 0.</summary>
    private static bool?[] TagLabels(ModelLabel label, TagDefinition tag, object?[] values)
    {
        if (tag.Type == TagValueType.Bool && label.Positive.Count == 0)
            return [.. values.Select(v => v is bool b ? b : (bool?)null)];
        var texts = values.Select(v => v is null ? null : Convert.ToString(v, CultureInfo.InvariantCulture)).ToArray();
        if (label.Negative.Count > 0)
        {
            var unexpected = texts.OfType<string>().Where(t => !label.Positive.Contains(t) && !label.Negative.Contains(t)).Distinct().Order(StringComparer.Ordinal).Take(5).ToList();
            if (unexpected.Count > 0)
                throw new ModelFitException(Texts.T("models.fit.labelvalues", tag.Name, string.Join(", ", unexpected), string.Join(", ", label.Positive)));
        }
        return [.. texts.Select(t => t is null ? (bool?)null : label.Positive.Contains(t))];
    }
}
