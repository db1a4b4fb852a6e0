using MathNet.Numerics.LinearAlgebra;
using Shouldly;
using TagCenter.Core.Models.Clv;

namespace TagCenter.Core.Tests.Models.Clv;

public sealed class ClvLikelihoodTests
{
    private static readonly BgNbdParameters Cdnow = new(0.243, 4.414, 0.793, 2.426);
    private static readonly GammaGammaParameters Spend = new(6.25, 3.74, 15.44);

    /// <summary>Simulated histories rounded to whole weeks and amounts to 10, so many customers share a row.</summary>
    private static ClvCustomer[] Rounded(int count, int seed) =>
        ClvSimulator.Simulate(Cdnow, Spend, count, i => 27 + i % 13, seed)
            .Select(c => new ClvCustomer(c.X, Math.Round(c.Tx), Math.Round(c.T), c.X > 0 ? Math.Max(10, Math.Round(c.MeanAmount / 10) * 10) : 0))
            .Select(c => c with { Tx = Math.Min(c.Tx, c.T) })
            .ToArray();

    public static TheoryData<double[]> BgNbdPoints => new()
    {
        new[] { Math.Log(0.243), Math.Log(4.414), Math.Log(0.793 / 2.426), Math.Log(0.793 + 2.426) },
        new[] { 0.0, 1.0, -1.0, Math.Log(4) },
        new[] { -2.0, 3.0, 0.5, 6.0 },
    };

    public static TheoryData<double[]> GammaGammaPoints => new()
    {
        new[] { Math.Log(6.25), Math.Log(3.74), Math.Log(15.44) },
        new[] { 0.0, Math.Log(2), 3.0 },
        new[] { 1.5, 0.3, 1.0 },
    };

    [Fact]
    public void BgNbdLikelihood_Compressed_EqualsSumOverCustomers()
    {
        var customers = Rounded(5_000, seed: 1);
        var likelihood = new BgNbdLikelihood(customers);
        likelihood.Rows.ShouldBeLessThan(customers.Length / 2);
        var v = Vector<double>.Build.DenseOfArray([Math.Log(0.3), Math.Log(5), -1, 2]);
        var p = BgNbdLikelihood.Unpack(v);
        var sum = customers.Sum(c => BgNbd.LogLikelihood(p, c.X, c.Tx, c.T));
        likelihood.Value(v).ShouldBe(sum, Math.Abs(sum) * 1e-12);
        likelihood.ValueAndGradient(v).Value.ShouldBe(sum, Math.Abs(sum) * 1e-12);
    }

    [Fact]
    public void GammaGammaLikelihood_Compressed_EqualsSumOverCustomers()
    {
        var repeaters = Rounded(5_000, seed: 2).Where(c => c.X > 0).ToArray();
        var likelihood = new GammaGammaLikelihood(repeaters);
        likelihood.Rows.ShouldBeLessThan(repeaters.Length / 2);
        var v = Vector<double>.Build.DenseOfArray([Math.Log(5), Math.Log(3), Math.Log(20)]);
        var g = GammaGammaLikelihood.Unpack(v);
        var sum = repeaters.Sum(c => GammaGamma.LogLikelihood(g, c.X, c.MeanAmount));
        likelihood.Value(v).ShouldBe(sum, Math.Abs(sum) * 1e-12);
        likelihood.ValueAndGradient(v).Value.ShouldBe(sum, Math.Abs(sum) * 1e-12);
    }

    [Theory]
    [MemberData(nameof(BgNbdPoints))]
    public void BgNbdLikelihood_Gradient_MatchesFiniteDifferences(double[] point)
    {
        var likelihood = new BgNbdLikelihood(Rounded(2_000, seed: 3));
        var v = Vector<double>.Build.DenseOfArray(point);
        AssertMatchesFiniteDifferences(likelihood.ValueAndGradient(v).Gradient, likelihood.Value, v);
    }

    [Theory]
    [MemberData(nameof(GammaGammaPoints))]
    public void GammaGammaLikelihood_Gradient_MatchesFiniteDifferences(double[] point)
    {
        var likelihood = new GammaGammaLikelihood(Rounded(2_000, seed: 4).Where(c => c.X > 0).ToArray());
        var v = Vector<double>.Build.DenseOfArray(point);
        AssertMatchesFiniteDifferences(likelihood.ValueAndGradient(v).Gradient, likelihood.Value, v);
    }

    [Fact]
    public void Fit_AnalyticGradient_FindsTheNumericFitsOptimum()
    {
        // The old fit (central differences, one row per customer) is a second implementation of the same maximum.
        var customers = ClvSimulator.Simulate(Cdnow, Spend, 3_000, i => 27 + 12.0 * (i % 1000) / 1000, seed: 5);
        var fast = BgNbdFitter.Fit(customers);
        var slow = BgNbdFitter.FitNumeric(customers);
        fast.LogLikelihood.ShouldBe(slow.LogLikelihood, 1e-3);
        fast.Parameters.R.ShouldBe(slow.Parameters.R, slow.Parameters.R * 1e-2);
        fast.Parameters.Alpha.ShouldBe(slow.Parameters.Alpha, slow.Parameters.Alpha * 1e-2);
        var fastSpend = GammaGammaFitter.Fit(customers);
        var slowSpend = GammaGammaFitter.FitNumeric(customers);
        fastSpend.LogLikelihood.ShouldBe(slowSpend.LogLikelihood, 1e-3);
        fastSpend.Parameters.P.ShouldBe(slowSpend.Parameters.P, slowSpend.Parameters.P * 1e-2);
    }

    private static void AssertMatchesFiniteDifferences(Vector<double> analytic, Func<Vector<double>, double> value, Vector<double> v)
    {
        const double h = 1e-5;
        for (var i = 0; i < v.Count; i++)
        {
            var up = v.Clone();
            up[i] += h;
            var down = v.Clone();
            down[i] -= h;
            var numeric = (value(up) - value(down)) / (2 * h);
            analytic[i].ShouldBe(numeric, 1e-4 * Math.Max(1, Math.Abs(numeric)), $"coordinate {i}");
        }
    }
}
