using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using TagCenter.Core.Models.Features;
using TagCenter.Core.Text;

namespace TagCenter.Core.Models.Propensity;

/// <summary>
/// A binary classifier over feature tags with ML.NET: L-BFGS logistic regression and a FastTree gradient-boosted tree
/// are both fitted on the training persons, the one with the higher AUC on the validation persons is kept, and it is
/// judged on the held-out persons (<see cref="HoldoutSplit"/>), where the permutation importance of each feature is
/// measured too. Learns from one table (features as of a cut-off) and
/// scores another with the same columns (features as of now), so what it learns and what it scores can differ in time.
/// </summary>
public static class PropensityClassifier
{
    public const string Logistic = "logistic_regression";
    public const string Tree = "fast_tree";

    /// <param name="labels">Per row of <paramref name="training"/>: the outcome, or null when the person is not part of the population.</param>
    public static PropensityFit Fit(FeatureTable training, IReadOnlyList<bool?> labels, FeatureTable scoring, PropensityOptions options)
    {
        Check(training);
        Check(scoring);
        var labelled = Enumerable.Range(0, training.Count).Where(i => labels[i] is not null).ToList();
        var positives = labelled.Count(i => labels[i] == true);
        if (labelled.Count < options.MinPersons)
            throw new ModelFitException(Texts.T("models.fit.fewpersons", labelled.Count, options.MinPersons));
        if (positives == 0 || positives == labelled.Count)
            throw new ModelFitException(Texts.T("models.fit.oneclass", positives, labelled.Count - positives));
        if (Math.Min(positives, labelled.Count - positives) < options.MinPerClass)
            throw new ModelFitException(Texts.T("models.fit.fewclass", positives, labelled.Count - positives, options.MinPerClass));
        var parts = labelled.GroupBy(i => HoldoutSplit.Of(training.OneIds[i], options.HoldoutPercent)).ToDictionary(g => g.Key, g => g.ToList());
        var train = parts.GetValueOrDefault(HoldoutSplit.Part.Train) ?? [];
        var validation = parts.GetValueOrDefault(HoldoutSplit.Part.Validation) ?? [];
        var holdout = parts.GetValueOrDefault(HoldoutSplit.Part.Holdout) ?? [];
        if (train.Select(i => labels[i]).Distinct().Count() < 2)
            throw new ModelFitException(Texts.T("models.fit.oneclass", train.Count(i => labels[i] == true), train.Count(i => labels[i] == false)));

        var ml = new MLContext(options.Seed);
        var encoder = FeatureEncoder.Learn(training, train);
        if (encoder.NumericCount + encoder.OneHotCount == 0)
            throw new ModelFitException(Texts.T("models.fit.nofeatures"));
        var prepare = MlFeatures.Prepare(ml, encoder).Fit(MlFeatures.View(ml, encoder, training, train, i => labels[i] == true));
        IDataView Prepared(FeatureTable table, IReadOnlyList<int> rows) =>
            ml.Data.Cache(prepare.Transform(MlFeatures.View(ml, encoder, table, rows, i => labels.Count > i && labels[i] == true)));
        var trainView = Prepared(training, train);

        var logistic = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L2Regularization = 1e-4f,
            OptimizationTolerance = 1e-7f,
            MaximumNumberOfIterations = 200,
        }).Fit(trainView);
        var tree = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfLeaves = 16,
            NumberOfTrees = 100,
            MinimumExampleCountPerLeaf = Math.Max(5, train.Count / 500),
            LearningRate = 0.1,
            FeatureFraction = 1,
            Seed = options.Seed,
        }).Fit(trainView);
        ITransformer[] learners = [logistic, tree];
        string[] names = [Logistic, Tree];

        var judgeOn = validation.Count > 0 ? validation : train;
        var judgeView = Prepared(training, judgeOn);
        var candidates = names.Select((n, k) => new LearnerResult(n, ClassifierMetrics.RocAuc(Probabilities(learners[k], judgeView, n), [.. judgeOn.Select(i => labels[i] == true)]))).ToList();
        // The simpler learner wins a tie (and any comparison the validation set cannot make).
        var chosen = double.IsNaN(candidates[1].ValidationAuc) || !(candidates[1].ValidationAuc > candidates[0].ValidationAuc) ? 0 : 1;
        var holdoutProbabilities = holdout.Count == 0 ? [] : Probabilities(learners[chosen], Prepared(training, holdout), names[chosen]);
        var metrics = ClassifierMetrics.Of(holdoutProbabilities, [.. holdout.Select(i => labels[i] == true)], options.Threshold);
        var scores = Probabilities(learners[chosen], prepare.Transform(MlFeatures.View(ml, encoder, scoring, Enumerable.Range(0, scoring.Count).ToList())), names[chosen]);
        var importance = chosen == 0 ? Weights(logistic) : Gains(tree);
        IReadOnlyList<PermutationImportance> permutation = holdout.Count == 0 ? [] : PermutationImportance.Of(training.Rows(holdout), [.. holdout.Select(i => labels[i] == true)],
            table => Probabilities(learners[chosen], prepare.Transform(MlFeatures.View(ml, encoder, table, Enumerable.Range(0, table.Count).ToList())), names[chosen]),
            options.Seed);
        return new PropensityFit(names[chosen], candidates, metrics, Importance(encoder, importance), [.. scores.Select(s => (float)s)],
            train.Count, validation.Count, holdout.Count)
        { Permutation = permutation };
    }

    /// <summary>NaN is a missing value (null in the data); an infinite number cannot be standardised.</summary>
    private static void Check(FeatureTable table)
    {
        foreach (var column in table.Columns.Where(c => c.IsNumeric))
            if (column.Numbers!.Count(float.IsInfinity) is var infinite and > 0)
                throw new ModelFitException(Texts.T("models.fit.nonfinite", column.Name, infinite));
    }

    private static double[] Probabilities(ITransformer learner, IDataView prepared, string name)
    {
        var probabilities = learner.Transform(prepared).GetColumn<float>("Probability").Select(p => (double)p).ToArray();
        if (probabilities.Any(p => !double.IsFinite(p)))
            throw new ModelFitException(Texts.T("models.fit.diverged", name));
        return probabilities;
    }

    private static float[] Weights(BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> model)
    {
        var weights = model.Model.SubModel.Weights.Select(Math.Abs).ToArray();
        if (weights.Any(w => !float.IsFinite(w)))
            throw new ModelFitException(Texts.T("models.fit.diverged", Logistic));
        return weights;
    }

    private static float[] Gains(BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> model)
    {
        var buffer = default(VBuffer<float>);
        model.Model.SubModel.GetFeatureWeights(ref buffer);
        return buffer.DenseValues().ToArray();
    }

    /// <summary>Slot weights summed per feature tag, as shares of the total; the ten largest.</summary>
    private static List<FeatureImportance> Importance(FeatureEncoder encoder, float[] slots)
    {
        var features = encoder.SlotFeatures();
        var total = slots.Sum(w => (double)w);
        if (total <= 0)
            return [];
        return [.. Enumerable.Range(0, Math.Min(slots.Length, features.Count)).GroupBy(i => features[i])
            .Select(g => new FeatureImportance(g.Key, g.Sum(i => (double)slots[i]) / total))
            .OrderByDescending(f => f.Share).ThenBy(f => f.Feature, StringComparer.Ordinal).Take(10)];
    }
}
