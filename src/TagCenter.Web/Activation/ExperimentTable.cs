using System.Globalization;
using TagCenter.Client;

namespace TagCenter.Web.Activation;

/// <summary>
/// An arm as the console shows it: conversion in percent, lift over the holdout in percentage points (the API gives
/// rates, 0.023 → +2.3), its 95% interval in points and what that interval says.
/// </summary>
internal sealed record ArmRow(string Arm, decimal Percent, long Assigned, long Converted, string Conversion, string Lift, string RelativeLift,
    string Interval, string PValue, ArmVerdict Verdict);

internal static class ExperimentTable
{
    public static IReadOnlyList<ArmRow> Rows(ExperimentResults results) => [.. results.Arms.Select(Row)];

    public static ArmRow Row(ExperimentArmResult arm)
    {
        var holdout = arm.Lift is null;
        return new ArmRow(arm.Arm, arm.Percent, arm.Assigned, arm.Converted, Percent(arm.Conversion),
            holdout ? "—" : Points(arm.Lift!.Value),
            arm.RelativeLift is { } r ? Signed(r * 100, 1) + "%" : "—",
            arm is { CiLow: { } low, CiHigh: { } high } ? "[" + Points(low) + ", " + Points(high) + "]" : "—",
            arm.PValue is { } p ? (p < 0.001 ? "< 0.001" : p.ToString("0.000", CultureInfo.InvariantCulture)) : "—",
            Verdict(arm));
    }

    /// <summary>Better or worse only when the whole interval lies on one side of zero.</summary>
    public static ArmVerdict Verdict(ExperimentArmResult arm) => arm switch
    {
        { Lift: null } => ArmVerdict.Holdout,
        { CiLow: > 0 } => ArmVerdict.Better,
        { CiHigh: < 0 } => ArmVerdict.Worse,
        _ => ArmVerdict.Unclear,
    };

    /// <summary>A rate difference as signed percentage points with two decimals: 0.0234 → +2.34.</summary>
    public static string Points(double rate) => Signed(rate * 100, 2);

    public static string Percent(double rate) =>
        double.IsFinite(rate) ? (rate * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";

    // "+2.34", "-0.40", and "0.00" (never "-0.00" or "+0.00") once rounded.
    private static string Signed(double value, int decimals)
    {
        if (!double.IsFinite(value))
            return "—";
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var text = (rounded == 0 ? 0 : rounded).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return rounded > 0 ? "+" + text : text;
    }
}
