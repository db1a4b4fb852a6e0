using MathNet.Numerics.Distributions;

namespace TagCenter.Core.Activation;

/// <summary>Converted out of assigned, for one arm.</summary>
public readonly record struct ArmCounts(long Assigned, long Converted)
{
    public double Rate => Assigned == 0 ? 0 : (double)Converted / Assigned;
}

/// <summary>
/// An arm against the holdout: absolute lift (difference of conversion rates) with a confidence interval (unpooled
/// standard error), relative lift, and the two-sided p-value of the two-proportion z-test (pooled standard error).
/// </summary>
public sealed record ArmComparison(double Lift, double RelativeLift, double Low, double High, double Z, double PValue);

/// <summary>The statistics of an experiment's results, from counts only; MathNet's normal distribution for quantiles.</summary>
public static class ExperimentStatistics
{
    /// <summary>The arm against the holdout at confidence <paramref name="confidence"/>; null when either has nobody.</summary>
    public static ArmComparison? Compare(ArmCounts arm, ArmCounts holdout, double confidence = 0.95)
    {
        if (arm.Assigned == 0 || holdout.Assigned == 0)
            return null;
        double p1 = arm.Rate, p0 = holdout.Rate, n1 = arm.Assigned, n0 = holdout.Assigned;
        var diff = p1 - p0;
        var z = Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2);
        var se = Math.Sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0);
        var pooled = (double)(arm.Converted + holdout.Converted) / (n1 + n0);
        var sePooled = Math.Sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
        var zScore = sePooled == 0 ? 0 : diff / sePooled;
        var p = sePooled == 0 ? 1 : 2 * (1 - Normal.CDF(0, 1, Math.Abs(zScore)));
        return new ArmComparison(diff, p0 == 0 ? double.NaN : diff / p0, diff - z * se, diff + z * se, zScore, p);
    }

    /// <summary>
    /// Persons needed per group to detect an absolute lift of <paramref name="effect"/> over a baseline rate
    /// <paramref name="baseline"/> with a two-sided test at <paramref name="alpha"/> and <paramref name="power"/>.
    /// </summary>
    public static long SampleSize(double baseline, double effect, double alpha = 0.05, double power = 0.8)
    {
        var p1 = Math.Clamp(baseline + effect, 1e-9, 1 - 1e-9);
        var p0 = Math.Clamp(baseline, 1e-9, 1 - 1e-9);
        var mean = (p0 + p1) / 2;
        var za = Normal.InvCDF(0, 1, 1 - alpha / 2);
        var zb = Normal.InvCDF(0, 1, power);
        var root = za * Math.Sqrt(2 * mean * (1 - mean)) + zb * Math.Sqrt(p0 * (1 - p0) + p1 * (1 - p1));
        return (long)Math.Ceiling(root * root / ((p1 - p0) * (p1 - p0)));
    }
}
