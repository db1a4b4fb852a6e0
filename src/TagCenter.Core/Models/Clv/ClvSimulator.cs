using MathNet.Numerics.Distributions;

namespace TagCenter.Core.Models.Clv;

/// <summary>
/// Draws customers from the BG/NBD and Gamma-Gamma generative stories, for parameter-recovery tests and benchmarks:
/// λ ~ Gamma(r, α), p ~ Beta(a, b); purchases form a Poisson(λ) process from the first purchase at 0, and after each
/// repeat purchase the customer drops out with probability p. ν ~ Gamma(q, γ); each repeat amount ~ Gamma(p, ν).
/// </summary>
internal static class ClvSimulator
{
    /// <param name="observed">T for customer i (the time from its first purchase to the calibration end).</param>
    public static ClvCustomer[] Simulate(BgNbdParameters bg, GammaGammaParameters gg, int count, Func<int, double> observed, int seed)
    {
        var random = new Random(seed);
        var rates = new Gamma(bg.R, bg.Alpha, random);
        var dropouts = new Beta(bg.A, bg.B, random);
        var spendRates = new Gamma(gg.Q, gg.Gamma, random);
        var customers = new ClvCustomer[count];
        for (var i = 0; i < count; i++)
        {
            var t = observed(i);
            var lambda = rates.Sample();
            var p = dropouts.Sample();
            var nu = spendRates.Sample();
            double x = 0, tx = 0, time = 0, total = 0;
            while (true)
            {
                time += -Math.Log(1 - random.NextDouble()) / lambda;
                if (time > t)
                    break;
                x++;
                tx = time;
                total += Gamma.Sample(random, gg.P, nu);
                if (random.NextDouble() < p)
                    break;
            }
            customers[i] = new ClvCustomer(x, tx, t, x > 0 ? total / x : 0);
        }
        return customers;
    }
}
