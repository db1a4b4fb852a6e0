namespace TagCenter.Core.Models.Clv;

/// <summary>
/// How CLV is projected: the horizon in the model's time unit, the number of equal periods it is split into for
/// discounting (12 for monthly over a year) and the annual discount rate.
/// </summary>
public sealed record ClvOptions(double Horizon, int Periods, double AnnualDiscountRate, double UnitsPerYear);
