using System.Globalization;
using TagCenter.Core.Models;
using TagCenter.Core.Models.Clv;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;
using static TagCenter.Core.Sql.SqlFragment;

namespace TagCenter.DuckDb.Models;

/// <summary>
/// CLV: the engine merges each person's purchases per day (amounts summed) and returns, per person, the first day, the
/// calibration summary (up to the calibration end: the as-of date minus the hold-out), the hold-out purchase days and
/// the full summary up to the as-of time. BG/NBD and Gamma-Gamma are fitted on the calibration summaries; the
/// hold-out compares their expectation with what happened; outputs project from the full summaries.
/// </summary>
internal static class ClvTraining
{
    /// <summary>One person's calibration summary (null when the first purchase is after the calibration end), hold-out purchase days and full summary.</summary>
    internal sealed record Summary(string OneId, ClvCustomer? Calibration, long Holdout, ClvCustomer Current);

    internal static List<Summary> Summaries(WorkspaceDatabase db, ModelDefinition model, ModelFacts facts)
    {
        var p = model.Parameters;
        var asOfDay = facts.AsOf.Date;
        var calibrationEnd = asOfDay.AddDays(-p.HoldoutDays);
        var cal = Value(calibrationEnd);
        var rows = db.Rows(Of($"""
            WITH days AS (SELECT oneid, CAST({facts.Time} AS DATE) AS day, sum({facts.Amount}) AS amount {facts.From(null)} GROUP BY ALL),
            persons AS (SELECT oneid, min(day) AS first FROM days GROUP BY oneid)
            SELECT oneid, any_value(first),
                   count(*) FILTER (WHERE day <= {cal}), max(day) FILTER (WHERE day <= {cal}), sum(amount) FILTER (WHERE day <= {cal} AND day > first),
                   count(*) FILTER (WHERE day > {cal}),
                   count(*), max(day), sum(amount) FILTER (WHERE day > first)
            FROM days JOIN persons USING (oneid) GROUP BY oneid ORDER BY oneid
            """));
        double Units(DateTime from, DateTime to) => (to - from).TotalDays / p.UnitDays;
        static double Mean(object? sum, long x) => x > 0 ? Convert.ToDouble(sum, CultureInfo.InvariantCulture) / x : 0;
        var result = new List<Summary>(rows.Count);
        foreach (var r in rows)
        {
            var first = ToDate(r[1]);
            var calDays = Convert.ToInt64(r[2], CultureInfo.InvariantCulture);
            ClvCustomer? calibration = calDays > 0 ? new ClvCustomer(calDays - 1, Units(first, ToDate(r[3])), Units(first, calibrationEnd), Mean(r[4], calDays - 1)) : null;
            var all = Convert.ToInt64(r[6], CultureInfo.InvariantCulture) - 1;
            result.Add(new Summary((string)r[0]!, calibration, Convert.ToInt64(r[5], CultureInfo.InvariantCulture),
                new ClvCustomer(all, Units(first, ToDate(r[7])), Units(first, asOfDay), Mean(r[8], all))));
        }
        return result;
    }

    public static ModelRun Run(WorkspaceDatabase db, ModelDefinition model, ModelFacts facts, ModelOutputWriter writer)
    {
        var p = model.Parameters;
        var calibrationEnd = facts.AsOf.Date.AddDays(-p.HoldoutDays);
        var summaries = Summaries(db, model, facts);
        if (summaries.Count == 0)
            throw new ModelFitException(Texts.T("models.fit.nodata", facts.Input.Table));
        var calibration = summaries.Where(s => s.Calibration is not null).Select(s => s.Calibration!.Value).ToList();
        var holdoutActual = (double)summaries.Where(s => s.Calibration is not null).Sum(s => s.Holdout);
        var holdoutPersons = calibration;
        var current = summaries.Select(s => (s.OneId, Customer: s.Current)).ToList();
        var bg = BgNbdFitter.Fit(calibration, p.MaxIterations);
        var gg = GammaGammaFitter.Fit(calibration, p.MaxIterations);
        var options = new ClvOptions((double)p.HorizonDays / p.UnitDays, p.Periods, p.DiscountRate, 365.25 / p.UnitDays);
        var total = 0.0;
        foreach (var (oneId, c) in current)
        {
            var prediction = ClvCalculator.Predict(bg.Parameters, gg.Parameters, c, options);
            if (!double.IsFinite(prediction.Clv))
                throw new ModelFitException(Texts.T("models.fit.diverged", "CLV"));
            total += prediction.Clv;
            foreach (var output in model.Outputs.Keys)
                writer.Number(oneId, output, output switch
                {
                    "expected_purchases" => prediction.ExpectedPurchases,
                    "p_alive" => prediction.ProbabilityAlive,
                    "expected_spend" => prediction.ExpectedSpend,
                    _ => prediction.Clv,
                });
        }
        var metrics = new Dictionary<string, object?>
        {
            ["persons"] = current.Count,
            ["calibration_persons"] = calibration.Count,
            ["calibration_repeaters"] = calibration.Count(c => c.X > 0),
            ["bgnbd_log_likelihood"] = bg.LogLikelihood,
            ["bgnbd_iterations"] = bg.Iterations,
            ["bgnbd_optimiser"] = bg.Method,
            ["gamma_gamma_log_likelihood"] = gg.LogLikelihood,
            ["total_clv"] = total,
        };
        if (p.HoldoutDays > 0)
        {
            var expected = holdoutPersons.Sum(c => BgNbd.ConditionalExpectedPurchases(bg.Parameters, (double)p.HoldoutDays / p.UnitDays, c.X, c.Tx, c.T));
            metrics["holdout"] = new Dictionary<string, object?>
            {
                ["calibration_end"] = calibrationEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["days"] = p.HoldoutDays,
                ["expected_repeat_purchases"] = expected,
                ["actual_repeat_purchases"] = holdoutActual,
                ["ratio"] = holdoutActual > 0 ? expected / holdoutActual : null,
            };
        }
        var parameters = new Dictionary<string, object?>
        {
            ["time_unit"] = p.UnitDays == 1 ? "day" : "week",
            ["horizon_days"] = p.HorizonDays,
            ["periods"] = p.Periods,
            ["discount_rate"] = p.DiscountRate,
            ["holdout_days"] = p.HoldoutDays,
            ["max_iterations"] = p.MaxIterations,
            ["bgnbd"] = new { r = bg.Parameters.R, alpha = bg.Parameters.Alpha, a = bg.Parameters.A, b = bg.Parameters.B },
            ["gamma_gamma"] = new { p = gg.Parameters.P, q = gg.Parameters.Q, gamma = gg.Parameters.Gamma },
        };
        return new ModelRun(current.Count, parameters, metrics);
    }

    private static DateTime ToDate(object? value) => value switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTime t => t.Date,
        _ => Convert.ToDateTime(value, CultureInfo.InvariantCulture).Date,
    };
}
