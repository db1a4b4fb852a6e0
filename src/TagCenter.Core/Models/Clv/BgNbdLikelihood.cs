using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace TagCenter.Core.Models.Clv;

/// <summary>
/// The BG/NBD log-likelihood of a cohort over the fitter's coordinates v = (ln r, ln α, logit μ, ln κ), a = μκ,
/// b = (1 − μ)κ, with its analytic gradient. Customers with the same (x, t_x, T) are one row with a weight (summaries
/// in days or weeks repeat a lot), and the terms that depend on x alone (the Γ and ψ functions) are computed once per
/// distinct x, so one evaluation costs a few logarithms per distinct history.
/// </summary>
internal sealed class BgNbdLikelihood
{
    private readonly double[] xs;
    private readonly int[] slot;
    private readonly double[] x;
    private readonly double[] tx;
    private readonly double[] t;
    private readonly double[] weight;

    public BgNbdLikelihood(IReadOnlyList<ClvCustomer> customers, bool compress = true)
    {
        var rows = compress
            ? customers.GroupBy(c => (c.X, c.Tx, c.T)).Select(g => (g.Key.X, g.Key.Tx, g.Key.T, W: (double)g.Count())).ToArray()
            : customers.Select(c => (c.X, c.Tx, c.T, W: 1.0)).ToArray();
        x = rows.Select(r => r.X).ToArray();
        tx = rows.Select(r => r.Tx).ToArray();
        t = rows.Select(r => r.T).ToArray();
        weight = rows.Select(r => r.W).ToArray();
        xs = x.Distinct().Order().ToArray();
        slot = x.Select(v => Array.BinarySearch(xs, v)).ToArray();
    }

    /// <summary>Distinct (x, t_x, T) rows: the cost of one evaluation.</summary>
    public int Rows => x.Length;

    /// <summary>(ln r, ln α, logit μ, ln κ) → (r, α, a = μκ, b = (1 − μ)κ).</summary>
    public static BgNbdParameters Unpack(Vector<double> v)
    {
        var mean = 1 / (1 + Math.Exp(-v[2]));
        var concentration = Math.Exp(v[3]);
        return new(Math.Exp(v[0]), Math.Exp(v[1]), mean * concentration, (1 - mean) * concentration);
    }

    /// <summary>ln L at v.</summary>
    public double Value(Vector<double> v)
    {
        var p = Unpack(v);
        var xTerms = xs.Select(value => BgNbd.LogXTerms(p, value)).ToArray();
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
            sum += weight[i] * BgNbd.LogLikelihood(p, x[i], tx[i], t[i], xTerms[slot[i]]);
        return sum;
    }

    /// <summary>ln L at v and its gradient with respect to v.</summary>
    public (double Value, Vector<double> Gradient) ValueAndGradient(Vector<double> v)
    {
        var p = Unpack(v);
        var xTerms = new double[xs.Length];
        // ∂(x-only terms)/∂r, ∂a, ∂b; ∂/∂α of them is r/α for every x.
        var dr = new double[xs.Length];
        var da = new double[xs.Length];
        var db = new double[xs.Length];
        var psiR = SpecialFunctions.DiGamma(p.R);
        var psiB = SpecialFunctions.DiGamma(p.B);
        var psiAb = SpecialFunctions.DiGamma(p.A + p.B);
        var logAlpha = Math.Log(p.Alpha);
        for (var k = 0; k < xs.Length; k++)
        {
            xTerms[k] = BgNbd.LogXTerms(p, xs[k]);
            var psiAbx = SpecialFunctions.DiGamma(p.A + p.B + xs[k]);
            dr[k] = SpecialFunctions.DiGamma(p.R + xs[k]) - psiR + logAlpha;
            da[k] = psiAb - psiAbx;
            db[k] = psiAb + SpecialFunctions.DiGamma(p.B + xs[k]) - psiB - psiAbx;
        }
        double sum = 0, gR = 0, gAlpha = 0, gA = 0, gB = 0;
        var logA = Math.Log(p.A);
        for (var i = 0; i < x.Length; i++)
        {
            var k = slot[i];
            var w = weight[i];
            var logT = Math.Log(p.Alpha + t[i]);
            var a3 = -(p.R + x[i]) * logT;
            // ∂/∂r and ∂/∂α of the log-sum-exp: each branch's derivative weighted by its share.
            double value, dR = -logT, dAlpha = -(p.R + x[i]) / (p.Alpha + t[i]), dA = 0, dB = 0;
            if (x[i] <= 0)
                value = a3;
            else
            {
                var logTx = Math.Log(p.Alpha + tx[i]);
                var a4 = logA - Math.Log(p.B + x[i] - 1) - (p.R + x[i]) * logTx;
                var max = Math.Max(a3, a4);
                var e3 = Math.Exp(a3 - max);
                var e4 = Math.Exp(a4 - max);
                value = max + Math.Log(e3 + e4);
                var s4 = e4 / (e3 + e4);
                var s3 = 1 - s4;
                dR = s3 * dR - s4 * logTx;
                dAlpha = s3 * dAlpha - s4 * (p.R + x[i]) / (p.Alpha + tx[i]);
                dA = s4 / p.A;
                dB = -s4 / (p.B + x[i] - 1);
            }
            sum += w * (xTerms[k] + value);
            gR += w * (dr[k] + dR);
            gAlpha += w * (p.R / p.Alpha + dAlpha);
            gA += w * (da[k] + dA);
            gB += w * (db[k] + dB);
        }
        var mean = p.A / (p.A + p.B);
        var concentration = p.A + p.B;
        var gradient = Vector<double>.Build.DenseOfArray([
            p.R * gR,
            p.Alpha * gAlpha,
            concentration * mean * (1 - mean) * (gA - gB),
            p.A * gA + p.B * gB,
        ]);
        return (sum, gradient);
    }
}
