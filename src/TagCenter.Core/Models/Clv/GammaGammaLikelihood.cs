using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace TagCenter.Core.Models.Clv;

/// <summary>
/// The Gamma-Gamma log-likelihood of the repeat customers over v = (ln p, ln q, ln γ), with its analytic gradient.
/// Customers with the same (x, m_x) are one row with a weight; the Γ and ψ terms depend on x alone and are computed
/// once per distinct x, leaving one logarithm per row.
/// </summary>
internal sealed class GammaGammaLikelihood
{
    private readonly double[] xs;
    private readonly int[] slot;
    private readonly double[] x;
    private readonly double[] mean;
    private readonly double[] logMean;
    private readonly double[] logX;
    private readonly double[] weight;

    /// <param name="repeaters">Customers with x &gt; 0 and a positive mean amount.</param>
    public GammaGammaLikelihood(IReadOnlyList<ClvCustomer> repeaters, bool compress = true)
    {
        var rows = compress
            ? repeaters.GroupBy(c => (c.X, c.MeanAmount)).Select(g => (g.Key.X, g.Key.MeanAmount, W: (double)g.Count())).ToArray()
            : repeaters.Select(c => (c.X, c.MeanAmount, W: 1.0)).ToArray();
        x = rows.Select(r => r.X).ToArray();
        mean = rows.Select(r => r.MeanAmount).ToArray();
        logMean = mean.Select(m => Math.Log(m)).ToArray();
        logX = x.Select(v => Math.Log(v)).ToArray();
        weight = rows.Select(r => r.W).ToArray();
        xs = x.Distinct().Order().ToArray();
        slot = x.Select(v => Array.BinarySearch(xs, v)).ToArray();
    }

    public int Rows => x.Length;

    public static GammaGammaParameters Unpack(Vector<double> v) => new(Math.Exp(v[0]), Math.Exp(v[1]), Math.Exp(v[2]));

    /// <summary>ln L at v.</summary>
    public double Value(Vector<double> v) => ValueAndGradient(v, gradient: false).Value;

    /// <summary>ln L at v and its gradient with respect to v.</summary>
    public (double Value, Vector<double> Gradient) ValueAndGradient(Vector<double> v) => ValueAndGradient(v, gradient: true);

    private (double Value, Vector<double> Gradient) ValueAndGradient(Vector<double> v, bool gradient)
    {
        var g = Unpack(v);
        var logGamma = Math.Log(g.Gamma);
        var psiQ = gradient ? SpecialFunctions.DiGamma(g.Q) : 0;
        // Per distinct x: the Γ terms, and ψ(px + q) − ψ(px), ψ(px + q) − ψ(q).
        var gammas = new double[xs.Length];
        var dP = new double[xs.Length];
        var dQ = new double[xs.Length];
        for (var k = 0; k < xs.Length; k++)
        {
            var px = g.P * xs[k];
            gammas[k] = SpecialFunctions.GammaLn(px + g.Q) - SpecialFunctions.GammaLn(px) - SpecialFunctions.GammaLn(g.Q) + g.Q * logGamma;
            if (!gradient)
                continue;
            var psiPxQ = SpecialFunctions.DiGamma(px + g.Q);
            dP[k] = psiPxQ - SpecialFunctions.DiGamma(px);
            dQ[k] = psiPxQ - psiQ + logGamma;
        }
        double sum = 0, gP = 0, gQ = 0, gGamma = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var k = slot[i];
            var w = weight[i];
            var px = g.P * x[i];
            var scale = g.Gamma + mean[i] * x[i];
            var logScale = Math.Log(scale);
            sum += w * (gammas[k] + (px - 1) * logMean[i] + px * logX[i] - (px + g.Q) * logScale);
            if (!gradient)
                continue;
            gP += w * x[i] * (dP[k] + logMean[i] + logX[i] - logScale);
            gQ += w * (dQ[k] - logScale);
            gGamma += w * (g.Q / g.Gamma - (px + g.Q) / scale);
        }
        return (sum, gradient ? Vector<double>.Build.DenseOfArray([g.P * gP, g.Q * gQ, g.Gamma * gGamma]) : Vector<double>.Build.Dense(0));
    }
}
