namespace TagCenter.Core.Models.Clv;

/// <summary>
/// One person's purchase history in the model's time unit, purchases on the same day merged: x repeat purchases,
/// the last at t_x, observed for T since the first; the mean amount of the repeat purchases (0 when x = 0).
/// </summary>
public readonly record struct ClvCustomer(double X, double Tx, double T, double MeanAmount);
