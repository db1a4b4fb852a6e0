using TagCenter.Core.Models;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;
using static TagCenter.Core.Sql.SqlFragment;

namespace TagCenter.DuckDb.Models;

/// <summary>
/// Preferences run in the engine, over every event at once: weight · 0.5^(age in days / half-life) summed per person and
/// category, then the top N by weight (ties by category name), written straight into <c>model_outputs</c>. The same
/// rule as <see cref="Core.Models.Preferences.PreferenceWeights"/>, which the tests hold it to.
/// </summary>
internal static class PreferenceTraining
{
    public static ModelRun Run(WorkspaceDatabase db, ModelDefinition model, ModelFacts facts, int version)
    {
        var p = model.Parameters;
        var weight = p.WeightByAmount ? facts.Amount : Raw("1.0");
        var inserted = db.Execute(Of($"""
            INSERT INTO model_outputs (model, version, oneid, output, position, number, text)
            SELECT {Value(model.Name)}, {Value(version)}, oneid, 'top', position, weight, category FROM (
                SELECT oneid, category, weight, row_number() OVER (PARTITION BY oneid ORDER BY weight DESC, category) - 1 AS position
                FROM (
                    SELECT oneid, CAST({facts.Category} AS VARCHAR) AS category,
                           sum({weight} * pow(0.5, greatest(epoch({SharedValue(facts.AsOf)}) - epoch({facts.Time}), 0) / 86400.0 / {Value(p.HalfLifeDays)})) AS weight
                    {facts.From(p.WindowDays)} AND {facts.Category} IS NOT NULL
                    GROUP BY ALL)
                WHERE weight > 0)
            WHERE position < {Value(p.Top)}
            """));
        if (inserted == 0)
            throw new ModelFitException(Texts.T("models.fit.nodata", facts.Input.Table));
        var counts = db.Rows(Of($"SELECT count(DISTINCT oneid), count(DISTINCT text) FROM model_outputs WHERE model = {Value(model.Name)} AND version = {Value(version)}"))[0];
        var persons = Convert.ToInt64(counts[0], System.Globalization.CultureInfo.InvariantCulture);
        var parameters = new Dictionary<string, object?>
        {
            ["window_days"] = p.WindowDays,
            ["half_life_days"] = p.HalfLifeDays,
            ["top"] = p.Top,
            ["weight"] = p.WeightByAmount ? "amount" : "count",
        };
        var metrics = new Dictionary<string, object?> { ["persons"] = persons, ["categories"] = counts[1] };
        return new ModelRun(persons, parameters, metrics);
    }
}
