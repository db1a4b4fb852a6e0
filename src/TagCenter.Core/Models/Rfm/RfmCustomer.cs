namespace TagCenter.Core.Models.Rfm;

/// <summary>One person's raw RFM figures over the window: days since the last purchase, purchases, amount spent.</summary>
public readonly record struct RfmCustomer(string OneId, double RecencyDays, double Frequency, double Monetary);
