using MathNet.Numerics.LinearAlgebra;
using TagCenter.Core.Text;

namespace TagCenter.Core.Models.Clv;

/// <summary>
/// Maximum likelihood for Gamma-Gamma over the customers with at least one repeat purchase (the model describes
/// repeat spend), over ln p, ln q, ln γ with <see cref="LogSpaceMinimizer"/> (BFGS-B, Nelder-Mead if it fails) and the analytic
/// gradient of <see cref="GammaGammaLikelihood"/>.
/// </summary>
public static class GammaGammaFitter
{
    public const int MinRepeaters = 10;

    public static GammaGammaFit Fit(IReadOnlyList<ClvCustomer> customers, int maxIterations = 1_000) =>
        Fit(customers, maxIterations, analytic: true);

    /// <summary>The fit before the analytic gradient (one row per customer, central differences): the benchmark's baseline.</summary>
    internal static GammaGammaFit FitNumeric(IReadOnlyList<ClvCustomer> customers, int maxIterations = 1_000) =>
        Fit(customers, maxIterations, analytic: false);

    private static GammaGammaFit Fit(IReadOnlyList<ClvCustomer> customers, int maxIterations, bool analytic)
    {
        var repeaters = customers.Where(c => c.X > 0).ToArray();
        foreach (var c in repeaters)
            if (!double.IsFinite(c.MeanAmount) || c.MeanAmount <= 0)
                throw new ModelFitException(Texts.T("models.fit.badamount", c.MeanAmount));
        if (repeaters.Length < MinRepeaters)
            throw new ModelFitException(Texts.T("models.fit.fewrepeat", repeaters.Length, MinRepeaters));
        var likelihood = new GammaGammaLikelihood(repeaters, compress: analytic);
        Func<Vector<double>, (double, Vector<double>)>? withGradient = analytic
            ? v => likelihood.ValueAndGradient(v) is var (value, gradient) ? (-value, -gradient) : default
            : null;
        // Start at p = 1, q = 2 and γ matching the mean amount (p·γ/(q−1) = mean).
        var start = new double[] { 0, Math.Log(2), repeaters.Average(c => Math.Log(c.MeanAmount)) };
        var result = LogSpaceMinimizer.Minimize("Gamma-Gamma", v => -likelihood.Value(v), start, maxIterations, withGradient: withGradient);
        var fitted = GammaGammaLikelihood.Unpack(result.Point);
        var logLikelihood = -result.Value;
        if (!fitted.IsFinite || !double.IsFinite(logLikelihood) || fitted.Q <= 1)
            throw new ModelFitException(Texts.T("models.fit.diverged", "Gamma-Gamma"));
        return new GammaGammaFit(fitted, logLikelihood, repeaters.Length);
    }
}
