using MathNet.Numerics.LinearAlgebra;
using TagCenter.Core.Text;

namespace TagCenter.Core.Models.Clv;

/// <summary>
/// Maximum likelihood for BG/NBD over ln r, ln α, logit(a/(a+b)) and ln(a+b): the drop-out Beta's mean and its
/// concentration rather than a and b, because on small or homogeneous data the likelihood keeps rising as a and b
/// grow together (everyone drops out with the same probability): in (a, b) that is a ridge to infinity no optimiser
/// ends on; here it is one coordinate reaching its cap (a+b = 10⁶, the limit to six digits), which is accepted.
/// Starts from r = 1, α = 1 / the mean purchase rate and a/(a+b) = 1/4; the x-only part of the likelihood is computed
/// once per distinct x.
/// </summary>
public static class BgNbdFitter
{
    /// <summary>Fewer customers (or fewer with a repeat purchase) than this give parameters nobody should act on.</summary>
    public const int MinCustomers = 30;

    public const int MinRepeaters = 10;

    /// <summary>ln of the largest a + b: beyond it the drop-out probability is one number for everybody to six digits.</summary>
    private static readonly double MaxLogConcentration = Math.Log(1e6);

    public static BgNbdFit Fit(IReadOnlyList<ClvCustomer> customers, int maxIterations = 1_000)
    {
        Check(customers);
        var xs = customers.Select(c => c.X).Distinct().Order().ToArray();
        var slot = customers.Select(c => Array.BinarySearch(xs, c.X)).ToArray();
        var xTerms = new double[xs.Length];
        double NegativeLogLikelihood(Vector<double> v)
        {
            var p = Unpack(v);
            for (var i = 0; i < xs.Length; i++)
                xTerms[i] = BgNbd.LogXTerms(p, xs[i]);
            var sum = 0.0;
            for (var i = 0; i < customers.Count; i++)
            {
                var c = customers[i];
                sum += BgNbd.LogLikelihood(p, c.X, c.Tx, c.T, xTerms[slot[i]]);
            }
            return -sum;
        }
        var rate = customers.Where(c => c.T > 0).Select(c => c.X / c.T).DefaultIfEmpty(0).Average();
        var start = new[] { 0, Math.Clamp(-Math.Log(Math.Max(rate, 1e-6)), -10, 10), Math.Log(0.25 / 0.75), Math.Log(4) };
        double[] upper = [LogSpaceMinimizer.Bound, LogSpaceMinimizer.Bound, LogSpaceMinimizer.Bound, MaxLogConcentration];
        var result = LogSpaceMinimizer.Minimize("BG/NBD", NegativeLogLikelihood, start, maxIterations, upper, [false, false, false, true]);
        var fitted = Unpack(result.Point);
        var logLikelihood = -result.Value;
        if (!fitted.IsFinite || !double.IsFinite(logLikelihood) || fitted.Alpha > 1e8 || fitted.R > 1e8)
            throw new ModelFitException(Texts.T("models.fit.diverged", "BG/NBD"));
        return new BgNbdFit(fitted, logLikelihood, result.Iterations) { Method = result.Method };
    }

    /// <summary>(ln r, ln α, logit μ, ln κ) → (r, α, a = μκ, b = (1 − μ)κ).</summary>
    private static BgNbdParameters Unpack(Vector<double> v)
    {
        var mean = 1 / (1 + Math.Exp(-v[2]));
        var concentration = Math.Exp(v[3]);
        return new(Math.Exp(v[0]), Math.Exp(v[1]), mean * concentration, (1 - mean) * concentration);
    }

    private static void Check(IReadOnlyList<ClvCustomer> customers)
    {
        foreach (var c in customers)
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Tx) || !double.IsFinite(c.T) || c.X < 0 || c.Tx < 0 || c.T < c.Tx)
                throw new ModelFitException(Texts.T("models.fit.badinput", c.X, c.Tx, c.T));
        if (customers.Count < MinCustomers)
            throw new ModelFitException(Texts.T("models.fit.fewpersons", customers.Count, MinCustomers));
        var repeaters = customers.Count(c => c.X > 0);
        if (repeaters < MinRepeaters)
            throw new ModelFitException(Texts.T("models.fit.fewrepeat", repeaters, MinRepeaters));
    }
}
