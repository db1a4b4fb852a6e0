namespace TagCenter.Core.Models.Rfm;

/// <summary>
/// Scores persons 1–5 on recency, frequency and monetary value, by quintiles of the population or by declared
/// thresholds, then classes them by comparing each score with its mean (strictly above the mean is high).
/// Quintile scores are rank-based and tie-safe: a person's score is 1 + ⌊5 · (persons strictly worse) / n⌋, so equal
/// values always get the same score and the result does not depend on input order.
/// </summary>
public static class RfmScorer
{
    public const int Levels = 5;

    public static RfmResult Score(IReadOnlyList<RfmCustomer> customers, RfmThresholds? thresholds = null)
    {
        if (customers.Count == 0)
            return new RfmResult([], 0, 0, 0);
        // Recency: fewer days is better, so "worse" means more days; score on the negated value.
        var r = thresholds is null ? Quintiles(customers.Select(c => -c.RecencyDays).ToArray()) : customers.Select(c => RecencyLevel(c.RecencyDays, thresholds.Recency)).ToArray();
        var f = thresholds is null ? Quintiles(customers.Select(c => c.Frequency).ToArray()) : customers.Select(c => Level(c.Frequency, thresholds.Frequency)).ToArray();
        var m = thresholds is null ? Quintiles(customers.Select(c => c.Monetary).ToArray()) : customers.Select(c => Level(c.Monetary, thresholds.Monetary)).ToArray();
        double meanR = r.Average(), meanF = f.Average(), meanM = m.Average();
        var scores = new RfmScore[customers.Count];
        for (var i = 0; i < scores.Length; i++)
            scores[i] = new RfmScore(customers[i].OneId, r[i], f[i], m[i], RfmClasses.Of(r[i] > meanR, f[i] > meanF, m[i] > meanM));
        return new RfmResult(scores, meanR, meanF, meanM);
    }

    /// <summary>1 + ⌊5 · (values strictly smaller) / n⌋ for each value (higher is better).</summary>
    internal static int[] Quintiles(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var scores = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var below = LowerBound(sorted, values[i]);
            scores[i] = 1 + (int)((long)Levels * below / values.Length);
        }
        return scores;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    private static int Level(double value, IReadOnlyList<double> ascending) => 1 + ascending.Count(t => value >= t);

    private static int RecencyLevel(double days, IReadOnlyList<double> ascending) => Levels - ascending.Count(t => days > t);
}
