using TagCenter.Core.Models.Features;
using TagCenter.Core.Models.Propensity;

namespace TagCenter.Bench.Models;

/// <summary>
/// Issue #10: propensity training on 1M persons × 30 features, time and AUC. Synthetic data with a known logistic
/// signal (20 numeric features, 5% missing, of which 6 carry weight; 10 categorical with 8 values, 2 carrying weight),
/// so the hold-out AUC can be compared with the AUC of the true probability on the same hold-out. Baseline in the same
/// run: the same pipeline (both learners, validation choice, hold-out metrics, scoring everyone) on a tenth of the persons.
/// </summary>
internal static class PropensityBenchmark
{
    public static int Run(BenchArgs args)
    {
        var persons = args.Int("persons", 1_000_000);
        var baseline = args.Int("baseline-persons", persons / 10);
        foreach (var n in new[] { baseline, persons })
        {
            var (table, labels, truth) = Synthetic(n, 42);
            PropensityFit? fit = null;
            var seconds = Measure.Seconds(() => fit = PropensityClassifier.Fit(table, labels, table, new PropensityOptions()));
            var holdout = Enumerable.Range(0, n).Where(i => HoldoutSplit.Bucket(table.OneIds[i]) < 20).ToList();
            var ceiling = ClassifierMetrics.RocAuc([.. holdout.Select(i => truth[i])], [.. holdout.Select(i => labels[i] == true)]);
            Console.WriteLine($"propensity {n,9:N0} persons × 30 features: {seconds,6:F1} s · learner {fit!.Learner} · hold-out AUC {fit.Holdout.Auc:F4} " +
                $"(true-probability AUC on the same hold-out {ceiling:F4}) · validation {string.Join(", ", fit.Candidates.Select(c => $"{c.Learner} {c.ValidationAuc:F4}"))}");
        }
        return 0;
    }

    private static (FeatureTable Table, bool?[] Labels, double[] Truth) Synthetic(int n, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var numeric = Enumerable.Range(0, 20).Select(_ => new float[n]).ToArray();
        var categorical = Enumerable.Range(0, 10).Select(_ => new string?[n]).ToArray();
        double[] weights = [0.8, -0.6, 0.5, 0.4, -0.3, 0.2];
        var labels = new bool?[n];
        var truth = new double[n];
        for (var i = 0; i < n; i++)
        {
            var logit = -0.8;
            for (var j = 0; j < 20; j++)
            {
                var x = Normal();
                if (j < weights.Length)
                    logit += weights[j] * x;
                numeric[j][i] = random.NextDouble() < 0.05 ? float.NaN : (float)x;
            }
            for (var j = 0; j < 10; j++)
            {
                var v = random.Next(8);
                categorical[j][i] = "v" + v;
                if (j < 2 && v == 0)
                    logit += 0.7;
            }
            truth[i] = 1 / (1 + Math.Exp(-logit));
            labels[i] = random.NextDouble() < truth[i];
        }
        var columns = numeric.Select((c, j) => FeatureColumn.Numeric($"x{j}", c)).Concat(categorical.Select((c, j) => FeatureColumn.Categorical($"c{j}", c))).ToList();
        return (new FeatureTable([.. Enumerable.Range(0, n).Select(i => "P" + i)], columns), labels, truth);
    }
}
