using Shouldly;
using TagCenter.Core.Models;
using TagCenter.Core.Models.Clv;

namespace TagCenter.Core.Tests.Models.Clv;

public sealed class GammaGammaTests
{
    // Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value Curves", CDNOW spend: p = 6.25, q = 3.74, γ = 15.44.
    private static readonly GammaGammaParameters Cdnow = new(6.25, 3.74, 15.44);

    [Fact]
    public void ExpectedAmount_HandComputed_IsWeightedMean()
    {
        // x = 2, m_x = 40: (15.44 + 80)·6.25 / (12.5 + 2.74) = 596.5 / 15.24 = 39.14042.
        GammaGamma.ExpectedAmount(Cdnow, 2, 40).ShouldBe(39.14042, 1e-5);
        // No repeat purchase: the population mean p·γ/(q−1) = 96.5/2.74 = 35.21898.
        GammaGamma.ExpectedAmount(Cdnow, 0, 0).ShouldBe(35.21898, 1e-5);
        Cdnow.PopulationMean.ShouldBe(35.21898, 1e-5);
    }

    [Fact]
    public void Fit_SimulatedSpend_RecoversParameters()
    {
        // 30,000 customers, of whom the repeaters (about 40%) carry the spend; p and q are identified well, γ (a scale
        // tied to q) less: within 15% for p, 20% for q and γ (about 3 standard errors at this size).
        var customers = ClvSimulator.Simulate(new BgNbdParameters(0.243, 4.414, 0.793, 2.426), Cdnow, 30_000, i => 39, seed: 11);
        var fit = GammaGammaFitter.Fit(customers).Parameters;
        fit.P.ShouldBe(Cdnow.P, Cdnow.P * 0.15);
        fit.Q.ShouldBe(Cdnow.Q, Cdnow.Q * 0.20);
        fit.Gamma.ShouldBe(Cdnow.Gamma, Cdnow.Gamma * 0.20);
    }

    [Fact]
    public void Fit_NegativeAmount_Throws()
    {
        var customers = Enumerable.Range(0, 50).Select(i => new ClvCustomer(1, 1, 2, i == 3 ? -5 : 10)).ToArray();
        Should.Throw<ModelFitException>(() => GammaGammaFitter.Fit(customers));
    }

    [Fact]
    public void Fit_NoRepeaters_Throws()
    {
        var customers = Enumerable.Range(0, 50).Select(i => new ClvCustomer(0, 0, 2, 0)).ToArray();
        Should.Throw<ModelFitException>(() => GammaGammaFitter.Fit(customers));
    }
}
