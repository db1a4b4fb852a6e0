namespace TagCenter.Core.Models.Clv;

/// <summary>
/// CLV = E[M | x, m_x] · Σ_k (E[Y(t_k)] − E[Y(t_{k−1})]) / (1 + d)^(t_k / year): the purchases expected in each period
/// of the horizon, valued at the expected amount per purchase and discounted to the as-of time.
/// </summary>
public static class ClvCalculator
{
    public static ClvPrediction Predict(BgNbdParameters bg, GammaGammaParameters gg, ClvCustomer c, ClvOptions options)
    {
        var spend = GammaGamma.ExpectedAmount(gg, c.X, c.MeanAmount);
        double previous = 0, discounted = 0;
        for (var k = 1; k <= options.Periods; k++)
        {
            var t = options.Horizon * k / options.Periods;
            var expected = BgNbd.ConditionalExpectedPurchases(bg, t, c.X, c.Tx, c.T);
            discounted += (expected - previous) / Math.Pow(1 + options.AnnualDiscountRate, t / options.UnitsPerYear);
            previous = expected;
        }
        return new ClvPrediction(previous, BgNbd.ProbabilityAlive(bg, c.X, c.Tx, c.T), spend, spend * discounted);
    }
}
