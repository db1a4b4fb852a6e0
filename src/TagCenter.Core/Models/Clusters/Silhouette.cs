namespace TagCenter.Core.Models.Clusters;

/// <summary>
/// The mean silhouette of a clustering (Rousseeuw 1987): per point, a = mean distance to its own cluster, b = the
/// smallest mean distance to another cluster, s = (b − a) / max(a, b); 0 for a point alone in its cluster. Euclidean
/// distances; O(n²), so callers pass a sample.
/// </summary>
public static class Silhouette
{
    public static double Mean(IReadOnlyList<float[]> points, IReadOnlyList<int> clusters)
    {
        var n = points.Count;
        var k = clusters.Max() + 1;
        var size = new int[k];
        foreach (var c in clusters)
            size[c]++;
        if (size.Count(s => s > 0) < 2)
            return 0;
        var total = 0.0;
        var sums = new double[k];
        for (var i = 0; i < n; i++)
        {
            Array.Clear(sums);
            for (var j = 0; j < n; j++)
                if (j != i)
                    sums[clusters[j]] += Distance(points[i], points[j]);
            var own = clusters[i];
            if (size[own] <= 1)
                continue;
            var a = sums[own] / (size[own] - 1);
            var b = double.MaxValue;
            for (var c = 0; c < k; c++)
                if (c != own && size[c] > 0)
                    b = Math.Min(b, sums[c] / size[c]);
            var max = Math.Max(a, b);
            total += max == 0 ? 0 : (b - a) / max;
        }
        return total / n;
    }

    private static double Distance(float[] x, float[] y)
    {
        var sum = 0.0;
        for (var d = 0; d < x.Length; d++)
        {
            var diff = (double)x[d] - y[d];
            sum += diff * diff;
        }
        return Math.Sqrt(sum);
    }
}
