using Shouldly;
using TagCenter.Core.Models;
using TagCenter.Core.Models.Features;
using TagCenter.Core.Models.Propensity;

namespace TagCenter.Core.Tests.Models.Propensity;

public sealed class PropensityClassifierTests
{
    /// <summary>A logistic ground truth over two numbers (one 10% missing) and a city: P(y) = σ(−0.5 + 1.2·x1 − 0.8·x2 + 0.7·[city = 上海]).</summary>
    private static (FeatureTable Table, bool?[] Labels, double[] TrueP) Synthetic(int n, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        string[] cities = ["上海", "北京", "广州"];
        var (x1, x2, city, labels, truth) = (new float[n], new float[n], new string?[n], new bool?[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            var (a, b) = (Normal(), Normal());
            var c = cities[random.Next(3)];
            var p = 1 / (1 + Math.Exp(-(-0.5 + 1.2 * a - 0.8 * b + (c == "上海" ? 0.7 : 0))));
            x1[i] = random.NextDouble() < 0.1 ? float.NaN : (float)a;
            x2[i] = (float)b;
            city[i] = c;
            truth[i] = p;
            labels[i] = random.NextDouble() < p;
        }
        var table = new FeatureTable([.. Enumerable.Range(0, n).Select(i => $"P{seed}-{i:D6}")],
            [FeatureColumn.Numeric("x1", x1), FeatureColumn.Numeric("x2", x2), FeatureColumn.Categorical("city", city)]);
        return (table, labels, truth);
    }

    /// <summary>The AUC of the true probabilities, by comparing every positive with every negative (independent of the code under test).</summary>
    private static double PairwiseAuc(double[] score, bool?[] label, int limit)
    {
        var pos = Enumerable.Range(0, score.Length).Where(i => label[i] == true).Take(limit).Select(i => score[i]).ToArray();
        var neg = Enumerable.Range(0, score.Length).Where(i => label[i] == false).Take(limit).Select(i => score[i]).ToArray();
        var wins = 0.0;
        foreach (var p in pos)
            foreach (var q in neg)
                wins += p > q ? 1 : p == q ? 0.5 : 0;
        return wins / ((double)pos.Length * neg.Length);
    }

    [Fact]
    public void Fit_KnownLogisticSignal_HoldoutAucCloseToTheTrueScoresAuc()
    {
        var (table, labels, _) = Synthetic(20_000, 7);
        // The best any model can do: the AUC of the true probability, on a fresh sample. The model never sees x1 when it
        // is missing (10%), which costs a little; 0.02 covers that and the sampling error of a ~4,000-person hold-out.
        var (_, freshLabels, freshTruth) = Synthetic(6_000, 99);
        var ceiling = PairwiseAuc(freshTruth, freshLabels, 3_000);
        var fit = PropensityClassifier.Fit(table, labels, table, new PropensityOptions());
        fit.Holdout.Auc.ShouldBeInRange(ceiling - 0.03, ceiling + 0.01);
        fit.HoldoutPersons.ShouldBe(table.OneIds.Count(id => HoldoutSplit.Bucket(id) < 20));
        fit.TopFeatures[0].Feature.ShouldBe("x1");
        fit.TopFeatures.Select(f => f.Feature).ShouldContain("city");
        fit.Scores.Length.ShouldBe(20_000);
        // Calibrated: the top decile's mean prediction is near its actual rate.
        fit.Holdout.Deciles[0].MeanPredicted.ShouldBe(fit.Holdout.Deciles[0].ActualRate, 0.06);
    }

    [Fact]
    public void Fit_SignalAndNoise_PermutationImportanceRanksSignalFirstNoiseNearZero()
    {
        // P(y) = σ(2·signal); noise and colour are drawn independently of everything. Shuffling the signal among the
        // held-out persons leaves their ranking random: AUC falls from about 0.83 to 0.5, a drop near 0.33 (> 0.2).
        // Shuffling a feature the outcome does not depend on can cost only what the model overfitted to it: ≈ 0.
        var random = new Random(11);
        const int n = 10_000;
        var (signal, noise, colour, labels) = (new float[n], new float[n], new string?[n], new bool?[n]);
        for (var i = 0; i < n; i++)
        {
            var x = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            signal[i] = (float)x;
            noise[i] = (float)random.NextDouble();
            colour[i] = random.Next(3) switch { 0 => "红", 1 => "绿", _ => "蓝" };
            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-2 * x));
        }
        var table = new FeatureTable([.. Enumerable.Range(0, n).Select(i => $"S{i:D6}")],
            [FeatureColumn.Numeric("noise", noise), FeatureColumn.Categorical("colour", colour), FeatureColumn.Numeric("signal", signal)]);
        var fit = PropensityClassifier.Fit(table, labels, table, new PropensityOptions());
        fit.Permutation.Count.ShouldBe(3);
        fit.Permutation[0].Feature.ShouldBe("signal");
        fit.Permutation[0].AucDrop.ShouldBeGreaterThan(0.2);
        fit.Permutation.Single(p => p.Feature == "noise").AucDrop.ShouldBe(0, 0.01);
        fit.Permutation.Single(p => p.Feature == "colour").AucDrop.ShouldBe(0, 0.01);
    }

    [Fact]
    public void Fit_NoSignal_AucNearHalf()
    {
        var (table, _, _) = Synthetic(4_000, 3);
        var random = new Random(5);
        var labels = table.OneIds.Select(_ => (bool?)(random.NextDouble() < 0.4)).ToArray();
        PropensityClassifier.Fit(table, labels, table, new PropensityOptions()).Holdout.Auc.ShouldBeInRange(0.42, 0.58);
    }

    [Fact]
    public void Fit_OneClassOnly_SaysSo()
    {
        var (table, labels, _) = Synthetic(500, 1);
        var e = Should.Throw<ModelFitException>(() => PropensityClassifier.Fit(table, [.. labels.Select(_ => (bool?)true)], table, new PropensityOptions()));
        e.Message.ShouldContain("500");
    }

    [Fact]
    public void Fit_TooFewPersons_SaysSo()
    {
        var (table, labels, _) = Synthetic(30, 1);
        Should.Throw<ModelFitException>(() => PropensityClassifier.Fit(table, labels, table, new PropensityOptions())).Message.ShouldContain("30");
    }

    [Fact]
    public void Fit_InfiniteFeature_NamesIt()
    {
        var (table, labels, _) = Synthetic(500, 1);
        table.Columns[1].Numbers![17] = float.PositiveInfinity;
        Should.Throw<ModelFitException>(() => PropensityClassifier.Fit(table, labels, table, new PropensityOptions())).Message.ShouldContain("x2");
    }
}
