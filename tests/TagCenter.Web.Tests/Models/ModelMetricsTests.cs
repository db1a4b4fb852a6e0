using System.Text.Json;
using TagCenter.Web.Models;

namespace TagCenter.Web.Tests.Models;

/// <summary>The metrics the trainers write, read back into what the model page draws (JSON written here by hand, in the trainers' shapes).</summary>
public sealed class ModelMetricsTests
{
    private static ModelMetrics Read(string json) => ModelMetrics.Of(JsonDocument.Parse(json).RootElement.Clone());

    [Fact]
    public void Of_Classifier_HoldoutAndDecilesInOrder()
    {
        var m = Read("""
            {"persons": 1000, "holdout": {"auc": 0.812, "log_loss": 0.41, "threshold": 0.5, "precision": 0.6, "recall": 0.4, "persons": 200,
              "deciles": [{"decile": 2, "persons": 20, "mean_predicted": 0.3, "actual_rate": 0.25, "lift": 1.25},
                          {"decile": 1, "persons": 20, "mean_predicted": 0.5, "actual_rate": 0.55, "lift": 2.75}]}}
            """);

        m.Classifier.ShouldNotBeNull();
        m.Classifier.Auc.ShouldBe(0.812);
        m.Classifier.Persons.ShouldBe(200);
        m.Classifier.Deciles.Select(d => d.Decile).ShouldBe([1, 2]);
        m.Classifier.Deciles[0].Lift.ShouldBe(2.75);
        m.RfmClasses.ShouldBeNull();
        m.Clusters.ShouldBeNull();
        m.TotalClv.ShouldBeNull();
    }

    [Fact]
    public void Of_Clusters_TraitsAsTgiOrZ()
    {
        var m = Read("""
            {"k": 2, "clusters": [{"number": 0, "name": "高频囤货", "persons": 30, "share": 0.3,
              "traits": [{"trait": "母婴", "tgi": 182.4, "z": null}, {"trait": "客单价", "tgi": null, "z": 1.26}]}]}
            """);

        m.Classifier.ShouldBeNull();
        m.Clusters!.Single().Traits.ShouldBe(["母婴 (TGI 182)", "客单价 (z +1.3)"]);
    }

    [Fact]
    public void Of_ClvHoldout_IsNotAClassifier()
    {
        var m = Read("""
            {"persons": 80, "total_clv": 12345.5, "holdout": {"calibration_end": "2026-01-01", "days": 30, "expected_repeat_purchases": 9.0, "actual_repeat_purchases": 10, "ratio": 0.9}}
            """);

        m.Classifier.ShouldBeNull();
        m.TotalClv.ShouldBe(12345.5);
        m.ClvHoldoutRatio.ShouldBe(0.9);
    }

    [Fact]
    public void Of_NotAnObject_HasNothing() =>
        Read("null").ShouldBe(new ModelMetrics(null, null, null, null, null));
}
