namespace TagCenter.Core.Models.Clv;

/// <summary>One person's projection: purchases expected over the horizon, P(alive), expected amount per purchase, discounted CLV.</summary>
public readonly record struct ClvPrediction(double ExpectedPurchases, double ProbabilityAlive, double ExpectedSpend, double Clv);
