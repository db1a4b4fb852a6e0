using MathNet.Numerics;

namespace TagCenter.Core.Models.Clv;

/// <summary>The Gamma-Gamma closed forms: one customer's log-likelihood of x amounts with mean m_x, and E[M | x, m_x].</summary>
public static class GammaGamma
{
    /// <summary>ln L(p, q, γ | x, m_x) for x &gt; 0 (the density of the mean amount, up to a term free of the parameters).</summary>
    public static double LogLikelihood(GammaGammaParameters g, double x, double meanAmount) =>
        LogLikelihood(g, x, meanAmount, Math.Log(meanAmount), Math.Log(x));

    internal static double LogLikelihood(GammaGammaParameters g, double x, double meanAmount, double logMean, double logX)
    {
        var px = g.P * x;
        return SpecialFunctions.GammaLn(px + g.Q) - SpecialFunctions.GammaLn(px) - SpecialFunctions.GammaLn(g.Q)
            + g.Q * Math.Log(g.Gamma) + (px - 1) * logMean + px * logX - (px + g.Q) * Math.Log(g.Gamma + meanAmount * x);
    }

    /// <summary>E[M | x, m_x] = (γ + m_x·x)·p / (p·x + q − 1): a weighted mean of the population mean and m_x.</summary>
    public static double ExpectedAmount(GammaGammaParameters g, double x, double meanAmount) =>
        (g.Gamma + meanAmount * x) * g.P / (g.P * x + g.Q - 1);
}
