namespace TagCenter.Core.Models.Propensity;

/// <summary>One decile of persons ranked by predicted probability (first: the highest).</summary>
/// <param name="Lift">The decile's positive rate ÷ the overall rate: how much better than picking at random.</param>
public sealed record DecileRow(int Decile, int Persons, double MeanPredicted, double ActualRate, double Lift);

/// <summary>How well probabilities separate and match outcomes on persons the model did not learn from.</summary>
public sealed record ClassifierMetrics(
    int Persons, int Positives, double Auc, double LogLoss, double Threshold, double Precision, double Recall, IReadOnlyList<DecileRow> Deciles)
{
    /// <summary>
    /// ROC AUC by the Mann–Whitney statistic (tied scores share their mean rank), log loss with probabilities
    /// clipped to [1e-15, 1 − 1e-15], precision and recall at <paramref name="threshold"/>, and ten deciles by
    /// predicted probability with the mean prediction, the actual rate (the calibration table) and the lift.
    /// </summary>
    public static ClassifierMetrics Of(IReadOnlyList<double> predicted, IReadOnlyList<bool> actual, double threshold)
    {
        var n = predicted.Count;
        if (n != actual.Count)
            throw new ArgumentException("one outcome per prediction", nameof(actual));
        var positives = actual.Count(a => a);
        var logLoss = 0.0;
        int tp = 0, fp = 0;
        for (var i = 0; i < n; i++)
        {
            var p = Math.Clamp(predicted[i], 1e-15, 1 - 1e-15);
            logLoss -= actual[i] ? Math.Log(p) : Math.Log(1 - p);
            if (predicted[i] >= threshold)
            {
                if (actual[i])
                    tp++;
                else
                    fp++;
            }
        }
        var order = Enumerable.Range(0, n).OrderByDescending(i => predicted[i]).ThenBy(i => i).ToArray();
        var rate = n == 0 ? 0 : (double)positives / n;
        var deciles = new List<DecileRow>();
        for (var d = 0; d < 10 && n > 0; d++)
        {
            var (from, to) = (d * n / 10, (d + 1) * n / 10);
            if (to <= from)
                continue;
            var rows = order[from..to];
            var actualRate = rows.Count(i => actual[i]) / (double)rows.Length;
            deciles.Add(new DecileRow(d + 1, rows.Length, rows.Average(i => predicted[i]), actualRate, rate > 0 ? actualRate / rate : 0));
        }
        return new ClassifierMetrics(n, positives, RocAuc(predicted, actual), n == 0 ? double.NaN : logLoss / n, threshold,
            tp + fp == 0 ? 0 : (double)tp / (tp + fp), positives == 0 ? 0 : (double)tp / positives, deciles);
    }

    /// <summary>The probability that a random positive scores above a random negative (ties count half).</summary>
    public static double RocAuc(IReadOnlyList<double> predicted, IReadOnlyList<bool> actual)
    {
        var n = predicted.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => predicted[i]).ToArray();
        var ranks = new double[n];
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && predicted[order[j + 1]] == predicted[order[i]])
                j++;
            var mean = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
                ranks[order[k]] = mean;
            i = j + 1;
        }
        long pos = 0;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (actual[i])
            {
                pos++;
                sum += ranks[i];
            }
        }
        var neg = n - pos;
        return pos == 0 || neg == 0 ? double.NaN : (sum - pos * (pos + 1) / 2.0) / ((double)pos * neg);
    }
}
