namespace TagCenter.Core.Models.Clv;

/// <summary>The fitted Gamma-Gamma parameters, the log-likelihood at them and the number of customers fitted on.</summary>
public sealed record GammaGammaFit(GammaGammaParameters Parameters, double LogLikelihood, int Customers);
