namespace TagCenter.Core.Models.Clv;

/// <summary>
/// The Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005, "RFM and CLV"; Colombo &amp; Jiang 1999): each purchase's
/// amount is Gamma(p, ν) and ν varies across customers as Gamma(q, γ).
/// </summary>
public sealed record GammaGammaParameters(double P, double Q, double Gamma)
{
    public bool IsFinite => double.IsFinite(P) && double.IsFinite(Q) && double.IsFinite(Gamma) && P > 0 && Q > 0 && Gamma > 0;

    /// <summary>E[M] for a customer with no repeat purchase: p·γ/(q−1), defined for q &gt; 1.</summary>
    public double PopulationMean => P * Gamma / (Q - 1);
}
