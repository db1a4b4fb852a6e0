using Shouldly;
using TagCenter.Core.Models.Propensity;

namespace TagCenter.Core.Tests.Models.Propensity;

public sealed class ClassifierMetricsTests
{
    [Fact]
    public void RocAuc_ScikitLearnExample_ThreeQuarters()
    {
        // sklearn.metrics.roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
        ClassifierMetrics.RocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]).ShouldBe(0.75, 1e-12);
    }

    [Fact]
    public void RocAuc_TiesCountHalf()
    {
        // One positive and one negative with the same score: neither ranks above the other.
        ClassifierMetrics.RocAuc([0.5, 0.5, 0.9, 0.1], [true, false, true, false]).ShouldBe(0.875, 1e-12);
    }

    [Fact]
    public void Of_HandChecked_LogLossPrecisionRecallDeciles()
    {
        double[] p = [0.9, 0.8, 0.3, 0.2, 0.6, 0.1, 0.7, 0.4, 0.05, 0.95];
        bool[] y = [true, true, false, false, false, false, true, true, false, true];
        var m = ClassifierMetrics.Of(p, y, 0.5);
        // −mean(log p for positives, log(1−p) for negatives), by hand.
        var expected = -(Math.Log(0.9) + Math.Log(0.8) + Math.Log(0.7) + Math.Log(0.8) + Math.Log(0.4) + Math.Log(0.9) + Math.Log(0.7) + Math.Log(0.4) + Math.Log(0.95) + Math.Log(0.95)) / 10;
        m.LogLoss.ShouldBe(expected, 1e-12);
        // At 0.5: predicted positive 0.9, 0.8, 0.6, 0.7, 0.95 → 4 true of 5; 4 of the 5 positives found.
        m.Precision.ShouldBe(0.8, 1e-12);
        m.Recall.ShouldBe(0.8, 1e-12);
        m.Positives.ShouldBe(5);
        // Ten persons, ten deciles of one each, highest first: 0.95 (pos) … 0.05 (neg); lift = rate / 0.5.
        m.Deciles.Select(d => d.ActualRate).ShouldBe([1, 1, 1, 1, 0, 1, 0, 0, 0, 0]);
        m.Deciles[0].Lift.ShouldBe(2, 1e-12);
        m.Deciles[0].MeanPredicted.ShouldBe(0.95, 1e-12);
    }
}
