using Shouldly;
using TagCenter.Core.Models.Clv;

namespace TagCenter.Core.Tests.Models.Clv;

public sealed class ClvCalculatorTests
{
    private static readonly BgNbdParameters Bg = new(0.243, 4.414, 0.793, 2.426);
    private static readonly GammaGammaParameters Gg = new(6.25, 3.74, 15.44);

    [Fact]
    public void Predict_NoDiscount_PublishedPurchasesTimesExpectedSpend()
    {
        // The paper's 1.226 purchases in 39 weeks for (x=2, t_x=30.43, T=38.86), times E[M | x=2, m_x=40] = 39.14042 by hand:
        // 47.986 ± 0.02 (the 3-decimal rounding of 1.226 times 39.14).
        var p = ClvCalculator.Predict(Bg, Gg, new ClvCustomer(2, 30.43, 38.86, 40), new ClvOptions(39, 13, 0, 52));
        p.ExpectedPurchases.ShouldBe(1.226, 5e-4);
        p.ExpectedSpend.ShouldBe(39.14042, 1e-5);
        p.Clv.ShouldBe(47.986, 0.02);
    }

    [Fact]
    public void Predict_OnePeriodDiscounted_DividedByOnePlusRate()
    {
        // One period of a full year at 10%: every purchase is discounted by exactly 1/1.1.
        var c = new ClvCustomer(2, 30.43, 38.86, 40);
        var plain = ClvCalculator.Predict(Bg, Gg, c, new ClvOptions(52, 1, 0, 52));
        var discounted = ClvCalculator.Predict(Bg, Gg, c, new ClvOptions(52, 1, 0.1, 52));
        discounted.Clv.ShouldBe(plain.Clv / 1.1, 1e-9);
    }
}
