namespace TagCenter.Core.Models.Clv;

/// <summary>The fitted BG/NBD parameters, the log-likelihood at them and the optimiser's iteration count.</summary>
public sealed record BgNbdFit(BgNbdParameters Parameters, double LogLikelihood, int Iterations)
{
    /// <summary>Which optimiser found the optimum: bfgs-b, or the Nelder-Mead fallback (polished by BFGS-B or not).</summary>
    public string Method { get; init; } = "bfgs-b";
}
