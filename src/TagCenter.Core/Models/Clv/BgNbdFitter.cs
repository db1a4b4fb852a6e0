using MathNet.Numerics.LinearAlgebra;
using TagCenter.Core.Text;

namespace TagCenter.Core.Models.Clv;

/// <summary>
/// Maximum likelihood for BG/NBD over ln r, ln α, logit(a/(a+b)) and ln(a+b): the drop-out Beta's mean and its
/// concentration rather than a and b, because on small or homogeneous data the likelihood keeps rising as a and b
/// grow together (everyone drops out with the same probability): in (a, b) that is a ridge to infinity no optimiser
/// ends on; here it is one coordinate reaching its cap (a+b = 10⁶, the limit to six digits), which is accepted.
/// Starts from r = 1, α = 1 / the mean purchase rate and a/(a+b) = 1/4; <see cref="BgNbdLikelihood"/> gives the
/// likelihood and its gradient.
/// </summary>
public static class BgNbdFitter
{
    /// <summary>Fewer customers (or fewer with a repeat purchase) than this give parameters nobody should act on.</summary>
    public const int MinCustomers = 30;

    public const int MinRepeaters = 10;

    /// <summary>ln of the largest a + b: beyond it the drop-out probability is one number for everybody to six digits.</summary>
    private static readonly double MaxLogConcentration = Math.Log(1e6);

    public static BgNbdFit Fit(IReadOnlyList<ClvCustomer> customers, int maxIterations = 1_000) =>
        Fit(customers, maxIterations, analytic: true);

    /// <summary>
    /// The fit as it was before the likelihood had a gradient: every customer a row, the gradient by central differences
    /// (nine likelihood passes per step). Kept as the benchmark's baseline and as an independent check of the gradient.
    /// </summary>
    internal static BgNbdFit FitNumeric(IReadOnlyList<ClvCustomer> customers, int maxIterations = 1_000) =>
        Fit(customers, maxIterations, analytic: false);

    private static BgNbdFit Fit(IReadOnlyList<ClvCustomer> customers, int maxIterations, bool analytic)
    {
        Check(customers);
        var likelihood = new BgNbdLikelihood(customers, compress: analytic);
        var rate = customers.Where(c => c.T > 0).Select(c => c.X / c.T).DefaultIfEmpty(0).Average();
        var start = new[] { 0, Math.Clamp(-Math.Log(Math.Max(rate, 1e-6)), -10, 10), Math.Log(0.25 / 0.75), Math.Log(4) };
        double[] upper = [LogSpaceMinimizer.Bound, LogSpaceMinimizer.Bound, LogSpaceMinimizer.Bound, MaxLogConcentration];
        Func<Vector<double>, (double, Vector<double>)>? withGradient = analytic
            ? v => likelihood.ValueAndGradient(v) is var (value, gradient) ? (-value, -gradient) : default
            : null;
        var result = LogSpaceMinimizer.Minimize("BG/NBD", v => -likelihood.Value(v), start, maxIterations, upper, [false, false, false, true], withGradient);
        var fitted = BgNbdLikelihood.Unpack(result.Point);
        var logLikelihood = -result.Value;
        if (!fitted.IsFinite || !double.IsFinite(logLikelihood) || fitted.Alpha > 1e8 || fitted.R > 1e8)
            throw new ModelFitException(Texts.T("models.fit.diverged", "BG/NBD"));
        return new BgNbdFit(fitted, logLikelihood, result.Iterations) { Method = result.Method };
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
