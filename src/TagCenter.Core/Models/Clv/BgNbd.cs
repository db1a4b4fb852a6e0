using MathNet.Numerics;

namespace TagCenter.Core.Models.Clv;

/// <summary>
/// The BG/NBD model's closed forms (Fader, Hardie &amp; Lee 2005, "Counting Your Customers the Easy Way"): the
/// likelihood of one customer's (x, t_x, T) (eq. 6), the purchase count distribution of a random customer (eq. 8,
/// 9) and the expectations and P(alive) of a customer with a known history (eq. 10, and the appendix note).
/// x counts repeat purchases, t_x is the time of the last one and T the time observed, all since the first purchase.
/// </summary>
public static class BgNbd
{
    /// <summary>ln L(r, α, a, b | x, t_x, T).</summary>
    public static double LogLikelihood(BgNbdParameters p, double x, double tx, double t) =>
        LogLikelihood(p, x, tx, t, LogXTerms(p, x));

    /// <summary>The part of ln L that depends on x only; the fitter caches it per distinct x.</summary>
    internal static double LogXTerms(BgNbdParameters p, double x) =>
        SpecialFunctions.GammaLn(p.R + x) - SpecialFunctions.GammaLn(p.R) + p.R * Math.Log(p.Alpha)
        + SpecialFunctions.GammaLn(p.A + p.B) + SpecialFunctions.GammaLn(p.B + x)
        - SpecialFunctions.GammaLn(p.B) - SpecialFunctions.GammaLn(p.A + p.B + x);

    internal static double LogLikelihood(BgNbdParameters p, double x, double tx, double t, double xTerms)
    {
        var a3 = -(p.R + x) * Math.Log(p.Alpha + t);
        if (x <= 0)
            return xTerms + a3;
        var a4 = Math.Log(p.A) - Math.Log(p.B + x - 1) - (p.R + x) * Math.Log(p.Alpha + tx);
        var max = Math.Max(a3, a4);
        return xTerms + max + Math.Log(Math.Exp(a3 - max) + Math.Exp(a4 - max));
    }

    /// <summary>E[X(t)]: expected purchases of a randomly chosen customer in (0, t] (eq. 9).</summary>
    public static double ExpectedPurchases(BgNbdParameters p, double t)
    {
        var z = t / (p.Alpha + t);
        return (p.A + p.B - 1) / (p.A - 1)
            * (1 - Math.Pow(p.Alpha / (p.Alpha + t), p.R) * Hypergeometric.F21(p.R, p.B, p.A + p.B - 1, z));
    }

    /// <summary>P(X(t) = x) for a randomly chosen customer (eq. 8).</summary>
    public static double ProbabilityOfPurchases(BgNbdParameters p, double t, int x)
    {
        var logBeta0 = SpecialFunctions.BetaLn(p.A, p.B);
        var share = p.Alpha / (p.Alpha + t);
        var rest = t / (p.Alpha + t);
        var first = Math.Exp(SpecialFunctions.BetaLn(p.A, p.B + x) - logBeta0
            + SpecialFunctions.GammaLn(p.R + x) - SpecialFunctions.GammaLn(p.R) - SpecialFunctions.FactorialLn(x)
            + p.R * Math.Log(share) + x * Math.Log(rest));
        if (x == 0)
            return first;
        var sum = 0.0;
        for (var j = 0; j < x; j++)
            sum += Math.Exp(SpecialFunctions.GammaLn(p.R + j) - SpecialFunctions.GammaLn(p.R) - SpecialFunctions.FactorialLn(j) + j * Math.Log(rest));
        return first + Math.Exp(SpecialFunctions.BetaLn(p.A + 1, p.B + x - 1) - logBeta0) * (1 - Math.Pow(share, p.R) * sum);
    }

    /// <summary>E[Y(t) | x, t_x, T]: expected purchases in the next t of a customer with this history (eq. 10).</summary>
    public static double ConditionalExpectedPurchases(BgNbdParameters p, double t, double x, double tx, double observed)
    {
        var z = t / (p.Alpha + observed + t);
        var numerator = (p.A + p.B + x - 1) / (p.A - 1)
            * (1 - Math.Pow((p.Alpha + observed) / (p.Alpha + observed + t), p.R + x)
                * Hypergeometric.F21(p.R + x, p.B + x, p.A + p.B + x - 1, z));
        return numerator / (1 + DeadOdds(p, x, tx, observed));
    }

    /// <summary>P(alive | x, t_x, T): the chance the customer has not dropped out by T.</summary>
    public static double ProbabilityAlive(BgNbdParameters p, double x, double tx, double observed) =>
        1 / (1 + DeadOdds(p, x, tx, observed));

    private static double DeadOdds(BgNbdParameters p, double x, double tx, double observed) =>
        x > 0 ? p.A / (p.B + x - 1) * Math.Pow((p.Alpha + observed) / (p.Alpha + tx), p.R + x) : 0;
}
