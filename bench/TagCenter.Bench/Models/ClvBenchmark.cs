using TagCenter.Core.Models.Clv;

namespace TagCenter.Bench.Models;

/// <summary>
/// Issue #10: BG/NBD + Gamma-Gamma fitted on 100k persons under 10 s. The baseline, in the same run, is the fit as it
/// was before the likelihoods had gradients (one row per person, central differences); the data is simulated from
/// the CDNOW estimates, with T in whole days (as a workspace's summaries are) unless --times continuous.
/// </summary>
internal static class ClvBenchmark
{
    private static readonly BgNbdParameters Truth = new(0.243, 4.414, 0.793, 2.426);
    private static readonly GammaGammaParameters Spend = new(6.25, 3.74, 15.44);

    public static int Run(BenchArgs args)
    {
        var persons = args.Int("clv-persons", 100_000);
        var continuous = args.Values.GetValueOrDefault("times") == "continuous";
        var customers = ClvSimulator.Simulate(Truth, Spend, persons, i => 27 + 12.0 * (i % 1000) / 1000, seed: 1);
        if (!continuous)
            customers = customers.Select(Days).ToArray();
        BgNbdFit? bg = null, bgOld = null;
        GammaGammaFit? gg = null, ggOld = null;
        var fit = Measure.Seconds(() =>
        {
            bg = BgNbdFitter.Fit(customers);
            gg = GammaGammaFitter.Fit(customers);
        });
        var old = Measure.Seconds(() =>
        {
            bgOld = BgNbdFitter.FitNumeric(customers);
            ggOld = GammaGammaFitter.FitNumeric(customers);
        });
        var rows = new BgNbdLikelihood(customers).Rows;
        Console.WriteLine($"  BG/NBD + Gamma-Gamma fit on {persons:N0} persons ({rows:N0} distinct histories{(continuous ? ", continuous times" : ", whole days")}): "
            + $"{fit:0.00}s (target < 10 s); old fit (numeric gradient, uncompressed) {old:0.00}s → {old / fit:0.0}× faster");
        Console.WriteLine($"    fitted r={bg!.Parameters.R:0.000} α={bg.Parameters.Alpha:0.000} a={bg.Parameters.A:0.000} b={bg.Parameters.B:0.000} · p={gg!.Parameters.P:0.00} q={gg.Parameters.Q:0.00} γ={gg.Parameters.Gamma:0.00} (truth 0.243 4.414 0.793 2.426 · 6.25 3.74 15.44)");
        Console.WriteLine($"    ln L new {bg.LogLikelihood:0.000} + {gg.LogLikelihood:0.000}, old {bgOld!.LogLikelihood:0.000} + {ggOld!.LogLikelihood:0.000}");
        return fit < 10 ? 0 : 2;
    }

    /// <summary>Times in weeks rounded to whole days, amounts to cents.</summary>
    private static ClvCustomer Days(ClvCustomer c)
    {
        var t = Math.Round(c.T * 7) / 7;
        return new ClvCustomer(c.X, Math.Min(Math.Round(c.Tx * 7) / 7, t), t, Math.Round(c.MeanAmount, 2));
    }
}
