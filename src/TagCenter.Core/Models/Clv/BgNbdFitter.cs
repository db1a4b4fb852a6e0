using MathNet.Numerics.LinearAlgebra;
using TagCenter.Core.Text;

namespace TagCenter.Core.Models.Clv;

/// <summary>
/// Maximum likelihood for BG/NBD with MathNet's Nelder-Mead simplex over the logarithms of (r, α, a, b), which keeps
/// every parameter positive without constraints. The x-only part of the likelihood is computed once per distinct x.
/// </summary>
public static class BgNbdFitter
{
    /// <summary>Fewer customers (or fewer with a repeat purchase) than this give parameters nobody should act on.</summary>
    public const int MinCustomers = 30;

    public const int MinRepeaters = 10;

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
        var meanT = customers.Average(c => c.T);
        var start = new double[] { 0, Math.Log(Math.Max(meanT, 1e-3)), 0, 0 };
        var result = LogSpaceMinimizer.Minimize("BG/NBD", NegativeLogLikelihood, start, maxIterations);
        var fitted = Unpack(result.MinimizingPoint);
        var logLikelihood = -result.FunctionInfoAtMinimum.Value;
        if (!fitted.IsFinite || !double.IsFinite(logLikelihood) || fitted.Alpha > 1e8 || fitted.R > 1e8)
            throw new ModelFitException(Texts.T("models.fit.diverged", "BG/NBD"));
        return new BgNbdFit(fitted, logLikelihood, result.Iterations);
    }

    private static BgNbdParameters Unpack(Vector<double> v) => new(Math.Exp(v[0]), Math.Exp(v[1]), Math.Exp(v[2]), Math.Exp(v[3]));

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
