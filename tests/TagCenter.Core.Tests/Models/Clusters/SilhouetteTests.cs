using Shouldly;
using TagCenter.Core.Models.Clusters;

namespace TagCenter.Core.Tests.Models.Clusters;

public sealed class SilhouetteTests
{
    [Fact]
    public void Mean_FourPointsOnALine_HandChecked()
    {
        // 0 and 1 vs 4 and 5: s(0) = (4.5 − 1) / 4.5 = 7/9, s(1) = (3.5 − 1) / 3.5 = 5/7, and symmetrically; mean 94/126.
        float[][] points = [[0], [1], [4], [5]];
        Silhouette.Mean(points, [0, 0, 1, 1]).ShouldBe(94.0 / 126, 1e-9);
    }

    [Fact]
    public void Mean_SingletonCountsZero_AndAWrongSplitScoresLower()
    {
        float[][] points = [[0], [1], [4], [5]];
        // {0} alone (s = 0); 1 with 4 and 5: a = 3.5, b = 1 → (1 − 3.5) / 3.5; 4: a = 2, b = 4 → 0.5; 5: a = 2.5, b = 5 → 0.5.
        Silhouette.Mean(points, [0, 1, 1, 1]).ShouldBe((0 + (1 - 3.5) / 3.5 + 0.5 + 0.5) / 4, 1e-9);
        Silhouette.Mean(points, [0, 1, 0, 1]).ShouldBeLessThan(0);
    }
}
