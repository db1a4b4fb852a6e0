using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using TagCenter.Core.Models.Features;
using TagCenter.Core.Text;

namespace TagCenter.Core.Models.Clusters;

/// <summary>
/// K-means (ML.NET, k-means++ initialisation, fixed seed) over standardised features (non-negative ones as log(1 + x); the same preparation as the
/// classifiers: missing flags, mean replacement, mean 0 / variance 1, one-hot values). Every k of the declared range is
/// fitted; the one with the highest mean silhouette on a deterministic sample (the persons with the smallest oneid
/// hashes) wins, the smaller k on a tie. Clusters are numbered by size (0 the largest) and named by <see cref="ClusterNamer"/>.
/// </summary>
public static class KMeansClustering
{
    public static ClusterFit Fit(FeatureTable features, FeatureTable describe, int kMin, int kMax, int sampleSize = 2000, int seed = 1)
    {
        var n = features.Count;
        if (n < Math.Max(kMax * 5, 20))
            throw new ModelFitException(Texts.T("models.fit.fewclusters", n, Math.Max(kMax * 5, 20), kMax));
        foreach (var column in features.Columns.Where(c => c.IsNumeric))
            if (column.Numbers!.Count(float.IsInfinity) is var infinite and > 0)
                throw new ModelFitException(Texts.T("models.fit.nonfinite", column.Name, infinite));
        var ml = new MLContext(seed);
        var all = Enumerable.Range(0, n).ToList();
        var learnt = Compressed(features);
        var encoder = FeatureEncoder.Learn(learnt, all);
        if (encoder.NumericCount + encoder.OneHotCount == 0)
            throw new ModelFitException(Texts.T("models.fit.nofeatures"));
        var raw = MlFeatures.View(ml, encoder, learnt, all);
        var prepared = ml.Data.Cache(MlFeatures.Prepare(ml, encoder).Fit(raw).Transform(raw));
        var vectors = prepared.GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().ToArray()).ToArray();
        var sample = all.OrderBy(i => HoldoutSplit.Bucket(features.OneIds[i])).ThenBy(i => features.OneIds[i], StringComparer.Ordinal).Take(sampleSize).ToList();
        var samplePoints = sample.Select(i => vectors[i]).ToList();

        var tried = new List<ClusterChoice>();
        int[]? best = null;
        var bestScore = double.NegativeInfinity;
        for (var k = kMin; k <= kMax; k++)
        {
            var model = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
            {
                NumberOfClusters = k,
                InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 300,
            }).Fit(prepared);
            var labels = model.Transform(prepared).GetColumn<uint>("PredictedLabel").Select(l => (int)l - 1).ToArray();
            var score = Silhouette.Mean(samplePoints, [.. sample.Select(i => labels[i])]);
            if (!double.IsFinite(score))
                throw new ModelFitException(Texts.T("models.fit.diverged", "k-means"));
            tried.Add(new ClusterChoice(k, score));
            if (score > bestScore + 1e-9)
                (best, bestScore) = (labels, score);
        }
        var assignments = BySize(best!);
        var k2 = assignments.Max() + 1;
        var clusters = ClusterNamer.Describe(features, encoder.NumericCount, vectors, describe, assignments, k2);
        return new ClusterFit(k2, tried, assignments, clusters, sample.Count);
    }

    /// <summary>
    /// Spending and counts are heavy-tailed: standardised as they are, a few big spenders make their own clusters and
    /// everyone else one. A feature with no negative value is clustered as log(1 + x); the z of a trait is on that scale.
    /// </summary>
    private static FeatureTable Compressed(FeatureTable features) => new(features.OneIds, [.. features.Columns.Select(c =>
        c.Numbers is { } numbers && numbers.All(v => float.IsNaN(v) || v >= 0)
            ? FeatureColumn.Numeric(c.Name, [.. numbers.Select(v => float.IsNaN(v) ? v : MathF.Log(1 + v))])
            : c)]);

    /// <summary>Renumbers clusters so 0 is the largest (ties by the old number): the same data, the same numbers.</summary>
    private static int[] BySize(int[] labels)
    {
        var order = labels.GroupBy(l => l).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select((g, i) => (g.Key, i)).ToDictionary(x => x.Key, x => x.i);
        return [.. labels.Select(l => order[l])];
    }
}
