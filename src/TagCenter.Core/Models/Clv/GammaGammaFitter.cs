using MathNet.Numerics.LinearAlgebra;
using TagCenter.Core.Text;

namespace TagCenter.Core.Models.Clv;

/// <summary>
/// Maximum likelihood for Gamma-Gamma over the customers with at least one repeat purchase (the model describes
/// repeat spend), over ln p, ln q, ln γ with <see cref="LogSpaceMinimizer"/> (BFGS-B, Nelder-Mead if it fails).
/// </summary>
public static class GammaGammaFitter
{
    public const int MinRepeaters = 10;

    public static GammaGammaFit Fit(IReadOnlyList<ClvCustomer> customers, int maxIterations = 1_000)
    {
        var repeaters = customers.Where(c => c.X > 0).ToArray();
        foreach (var c in repeaters)
            if (!double.IsFinite(c.MeanAmount) || c.MeanAmount <= 0)
                throw new ModelFitException(Texts.T("models.fit.badamount", c.MeanAmount));
        if (repeaters.Length < MinRepeaters)
            throw new ModelFitException(Texts.T("models.fit.fewrepeat", repeaters.Length, MinRepeaters));
        var logMean = repeaters.Select(c => Math.Log(c.MeanAmount)).ToArray();
        var logX = repeaters.Select(c => Math.Log(c.X)).ToArray();
        double NegativeLogLikelihood(Vector<double> v)
        {
            var g = Unpack(v);
            var sum = 0.0;
            for (var i = 0; i < repeaters.Length; i++)
                sum += GammaGamma.LogLikelihood(g, repeaters[i].X, repeaters[i].MeanAmount, logMean[i], logX[i]);
            return -sum;
        }
        // Start at p = 1, q = 2 and γ matching the mean amount (p·γ/(q−1) = mean).
        var start = new double[] { 0, Math.Log(2), logMean.Average() };
        var result = LogSpaceMinimizer.Minimize("Gamma-Gamma", NegativeLogLikelihood, start, maxIterations);
        var fitted = Unpack(result.Point);
        var logLikelihood = -result.Value;
        if (!fitted.IsFinite || !double.IsFinite(logLikelihood) || fitted.Q <= 1)
            throw new ModelFitException(Texts.T("models.fit.diverged", "Gamma-Gamma"));
        return new GammaGammaFit(fitted, logLikelihood, repeaters.Length);
    }

    private static GammaGammaParameters Unpack(Vector<double> v) => new(Math.Exp(v[0]), Math.Exp(v[1]), Math.Exp(v[2]));
}
