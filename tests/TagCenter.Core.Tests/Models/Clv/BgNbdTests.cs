using Shouldly;
using TagCenter.Core.Models;
using TagCenter.Core.Models.Clv;

namespace TagCenter.Core.Tests.Models.Clv;

public sealed class BgNbdTests
{
    // Fader, Hardie & Lee (2005), CDNOW, weeks: the published estimates and closed-form values.
    private static readonly BgNbdParameters Cdnow = new(0.243, 4.414, 0.793, 2.426);

    [Fact]
    public void ProbabilityOfPurchases_PublishedCdnowZero_MatchesPaper()
    {
        // The paper: P(X(39) = 0) = 0.5737864; printed to 7 decimals, so within 5e-8.
        BgNbd.ProbabilityOfPurchases(Cdnow, 39, 0).ShouldBe(0.5737864, 5e-8);
    }

    [Fact]
    public void ConditionalExpectedPurchases_PublishedCdnowCustomer_MatchesPaper()
    {
        // The paper: a customer with x = 2, t_x = 30.43, T = 38.86 is expected to make 1.226 purchases in the next 39 weeks
        // (printed to 3 decimals, so within 5e-4).
        BgNbd.ConditionalExpectedPurchases(Cdnow, 39, 2, 30.43, 38.86).ShouldBe(1.226, 5e-4);
    }

    [Fact]
    public void ProbabilityOfPurchases_SummedOverCounts_AgreesWithExpectedPurchases()
    {
        // Eq. 8 (the distribution) and eq. 9 (the mean, through 2F1) are separate closed forms: Σx·P(X=x) must equal E[X].
        double total = 0, mean = 0;
        for (var x = 0; x < 400; x++)
        {
            var p = BgNbd.ProbabilityOfPurchases(Cdnow, 39, x);
            total += p;
            mean += x * p;
        }
        total.ShouldBe(1, 1e-9);
        mean.ShouldBe(BgNbd.ExpectedPurchases(Cdnow, 39), 1e-6);
    }

    [Fact]
    public void ProbabilityAlive_NoRepeatPurchase_IsOne()
    {
        // BG/NBD customers can only drop out right after a purchase: with none since the first they are alive.
        BgNbd.ProbabilityAlive(Cdnow, 0, 0, 38.86).ShouldBe(1);
    }

    [Fact]
    public void ProbabilityAlive_HandComputed_MatchesFormula()
    {
        // 1 / (1 + a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) with x=2, t_x=30.43, T=38.86, by hand:
        // a/(b+1) = 0.793/3.426 = 0.231465; (43.274/34.844)^2.243 = 1.241935^2.243 = 1.62578; odds 0.376313 → 0.726579.
        BgNbd.ProbabilityAlive(Cdnow, 2, 30.43, 38.86).ShouldBe(0.72658, 5e-5);
    }

    [Fact]
    public void Fit_SimulatedCdnowLikeCohort_RecoversParameters()
    {
        // 20,000 customers whose first purchase falls in the first 12 of 39 weeks, as in CDNOW. With 2,357 customers
        // the paper's standard errors are about 5% (r), 9% (α), 23% (a) and 29% (b); 8.5× the customers divides them
        // by ~2.9, so 3 standard errors is within 6%, 10%, 25% and 30%.
        var customers = ClvSimulator.Simulate(Cdnow, new GammaGammaParameters(6.25, 3.74, 15.44), 20_000, i => 27 + 12.0 * (i % 1000) / 1000, seed: 42);
        var fit = BgNbdFitter.Fit(customers).Parameters;
        fit.R.ShouldBe(Cdnow.R, Cdnow.R * 0.06);
        fit.Alpha.ShouldBe(Cdnow.Alpha, Cdnow.Alpha * 0.10);
        fit.A.ShouldBe(Cdnow.A, Cdnow.A * 0.25);
        fit.B.ShouldBe(Cdnow.B, Cdnow.B * 0.30);
    }

    [Fact]
    public void Fit_TheTrueParametersScoreNoBetter_ThanTheFit()
    {
        var customers = ClvSimulator.Simulate(Cdnow, new GammaGammaParameters(6.25, 3.74, 15.44), 5_000, i => 39, seed: 7);
        var fit = BgNbdFitter.Fit(customers);
        var atTruth = customers.Sum(c => BgNbd.LogLikelihood(Cdnow, c.X, c.Tx, c.T));
        fit.LogLikelihood.ShouldBeGreaterThanOrEqualTo(atTruth);
    }

    [Fact]
    public void Fit_OnePurchaseEach_SaysTooFewRepeaters()
    {
        var customers = Enumerable.Range(0, 200).Select(i => new ClvCustomer(0, 0, 30, 0)).ToArray();
        var e = Should.Throw<ModelFitException>(() => BgNbdFitter.Fit(customers));
        e.Message.ShouldContain("0");
    }

    [Fact]
    public void Fit_TooFewCustomers_Throws()
    {
        var customers = Enumerable.Range(0, 5).Select(i => new ClvCustomer(i, i, 10, 1)).ToArray();
        Should.Throw<ModelFitException>(() => BgNbdFitter.Fit(customers));
    }

    [Fact]
    public void Fit_NaNInput_Throws()
    {
        var customers = Enumerable.Range(0, 100).Select(i => new ClvCustomer(i % 3, i % 3 == 0 ? 0 : double.NaN, 30, 1)).ToArray();
        Should.Throw<ModelFitException>(() => BgNbdFitter.Fit(customers));
    }

    [Fact]
    public void Fit_TinyIterationBudget_SaysItDidNotConverge()
    {
        var customers = ClvSimulator.Simulate(Cdnow, new GammaGammaParameters(6.25, 3.74, 15.44), 500, i => 39, seed: 3);
        Should.Throw<ModelFitException>(() => BgNbdFitter.Fit(customers, maxIterations: 5)).InnerException.ShouldNotBeNull();
    }

    [Fact]
    public void Fit_Demo400_ConvergesWhereDropoutIsHomogeneous()
    {
        // This demo's summaries made BFGS-B over (ln a, ln b) run out of iterations (even 100,000): the likelihood rises
        // as a and b grow together. Profiling it independently (MathNet Nelder-Mead over r, α, b with a fixed, outside
        // this code) gives −ln L = 2690.39 at a = 1, 2688.961 at a = e², 2688.8505 at a = e⁶ and 2688.8489 at a = e¹²,
        // with r → 0.6847, α → 9.289 and a/(a+b) → 0.087. The fit must converge and reach that supremum.
        var fit = BgNbdFitter.Fit(Demo400.Customers());
        fit.LogLikelihood.ShouldBeGreaterThan(-2688.8489 - 2e-3);
        fit.Parameters.R.ShouldBe(0.6847, 0.005);
        fit.Parameters.Alpha.ShouldBe(9.289, 0.05);
        (fit.Parameters.A / (fit.Parameters.A + fit.Parameters.B)).ShouldBe(0.087, 0.005);
    }

    [Fact]
    public void Fit_SmallSimulatedCohorts_AllConverge()
    {
        // 300 customers each, six seeds: small data is where the old fit failed; every one must now give a fit whose
        // log-likelihood is at least that of the true parameters (the maximum is never below the truth).
        for (var seed = 1; seed <= 6; seed++)
        {
            var customers = ClvSimulator.Simulate(Cdnow, new GammaGammaParameters(6.25, 3.74, 15.44), 300, i => 39, seed: seed);
            var fit = BgNbdFitter.Fit(customers);
            fit.LogLikelihood.ShouldBeGreaterThanOrEqualTo(customers.Sum(c => BgNbd.LogLikelihood(Cdnow, c.X, c.Tx, c.T)) - 1e-6, $"seed {seed}");
        }
    }
}
