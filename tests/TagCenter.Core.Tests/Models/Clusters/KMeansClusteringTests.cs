using Shouldly;
using TagCenter.Core.Models;
using TagCenter.Core.Models.Clusters;
using TagCenter.Core.Models.Features;

namespace TagCenter.Core.Tests.Models.Clusters;

public sealed class KMeansClusteringTests
{
    /// <summary>Three well separated blobs in (客单价, 访问次数): (2000, 2), (200, 30), (200, 2), with a city that marks the first.</summary>
    private static (FeatureTable Features, FeatureTable Describe, int[] Truth) Blobs(int perBlob)
    {
        var random = new Random(11);
        double Noise() => random.NextDouble() - 0.5;
        (double Aov, double Visits)[] centres = [(2000, 2), (200, 30), (200, 2)];
        var n = perBlob * 3;
        var (aov, visits, city, truth) = (new float[n], new float[n], new string?[n], new int[n]);
        for (var i = 0; i < n; i++)
        {
            var b = i % 3;
            truth[i] = b;
            aov[i] = (float)(centres[b].Aov + 100 * Noise());
            visits[i] = (float)(centres[b].Visits + 2 * Noise());
            city[i] = b == 0 ? (random.NextDouble() < 0.8 ? "上海" : "北京") : (random.NextDouble() < 0.2 ? "上海" : "北京");
        }
        var ids = Enumerable.Range(0, n).Select(i => $"P{i:D5}").ToList();
        return (new FeatureTable(ids, [FeatureColumn.Numeric("客单价", aov), FeatureColumn.Numeric("访问次数", visits)]),
            new FeatureTable(ids, [FeatureColumn.Categorical("城市", city)]), truth);
    }

    [Fact]
    public void Fit_SeparableBlobs_ChoosesTrueKAndRecoversThePartition()
    {
        var (features, describe, truth) = Blobs(300);
        var fit = KMeansClustering.Fit(features, describe, 2, 6, sampleSize: 600);
        fit.K.ShouldBe(3);
        fit.Tried.Select(t => t.K).ShouldBe([2, 3, 4, 5, 6]);
        // Same partition: every true blob maps to exactly one found cluster and back.
        Enumerable.Range(0, truth.Length).Select(i => (truth[i], fit.Assignments[i])).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void Fit_SeparableBlobs_NamesClustersByWhatStandsOut()
    {
        var (features, describe, truth) = Blobs(300);
        var fit = KMeansClustering.Fit(features, describe, 3, 3, sampleSize: 600);
        var rich = fit.Clusters[fit.Assignments[Array.IndexOf(truth, 0)]];
        // AOV 2000/200/200 → mean 800, sd 848.5; visits 2/30/2 → mean 11.3, sd 13.2. Blob 0: AOV z = +1.41, visits
        // z = −0.71, and 上海 at ~80% against ~40% overall (TGI ≈ 200): one value, so two numbers join it.
        rich.Name.ShouldBe("高客单价·低访问次数·上海");
        rich.Traits.First(t => t.Feature == "客单价").Z!.Value.ShouldBe(1.414, 0.05);
        // Blob 1: visits z = +1.41, AOV z = −0.71; 北京 at ~80% against ~60% overall (TGI ≈ 133).
        fit.Clusters[fit.Assignments[Array.IndexOf(truth, 1)]].Name.ShouldBe("高访问次数·低客单价·北京");
        fit.Clusters.Select(c => c.Name).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void Fit_TooFewPersons_SaysSo()
    {
        var (features, describe, _) = Blobs(3);
        Should.Throw<ModelFitException>(() => KMeansClustering.Fit(features, describe, 2, 6));
    }
}
