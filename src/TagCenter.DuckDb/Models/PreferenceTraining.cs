using System.Globalization;
using TagCenter.Core.Models;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;
using static TagCenter.Core.Sql.SqlFragment;

namespace TagCenter.DuckDb.Models;

/// <summary>
/// Preferences run in the engine, over every event at once: the decayed weights per person and category
/// (<see cref="PreferenceSql"/>) into a temporary table, then each declared output (top N, first, share, level)
/// straight into <c>model_outputs</c>. The record keeps the persons, the categories seen and the level counts.
/// </summary>
internal static class PreferenceTraining
{
    private const string Weights = "_preference_weights";

    public static ModelRun Run(WorkspaceDatabase db, ModelDefinition model, ModelFacts facts, int version)
    {
        var p = model.Parameters;
        db.Execute(Of($"CREATE OR REPLACE TEMP TABLE {Ident(Weights)} AS {PreferenceSql.Ranked(model, facts)}"));
        try
        {
            var counts = db.Rows($"SELECT count(DISTINCT oneid), count(DISTINCT category) FROM {Weights}")[0];
            var persons = Convert.ToInt64(counts[0], CultureInfo.InvariantCulture);
            if (persons == 0)
                throw new ModelFitException(Texts.T("models.fit.nodata", facts.Input.Table));
            foreach (var output in model.Outputs.Keys)
                db.Execute(Of($"""
                    INSERT INTO model_outputs (model, version, oneid, output, position, number, text)
                    SELECT {Value(model.Name)}, {Value(version)}, oneid, {Value(output)}, position, number, text
                    FROM ({PreferenceSql.Rows(model, output, Ident(Weights))})
                    """));
            var parameters = new Dictionary<string, object?>
            {
                ["window_days"] = p.WindowDays,
                ["half_life_days"] = p.HalfLifeDays,
                ["top"] = p.Top,
                ["weight"] = p.WeightByAmount ? "amount" : "count",
            };
            if (p.ShareOf is not null)
                parameters["share_of"] = p.ShareOf;
            if (p.Levels.Count > 0)
                parameters["levels"] = p.Levels.OrderByDescending(l => l.From).ToDictionary(l => l.Label, l => l.From);
            var metrics = new Dictionary<string, object?> { ["persons"] = persons, ["categories"] = counts[1] };
            if (model.Outputs.ContainsKey("level"))
                metrics["levels"] = db.Rows(Of($"""
                        SELECT text, count(*) FROM model_outputs WHERE model = {Value(model.Name)} AND version = {Value(version)} AND output = 'level'
                        GROUP BY text ORDER BY count(*) DESC, text
                        """))
                    .ToDictionary(r => (string)r[0]!, r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture));
            return new ModelRun(persons, parameters, metrics);
        }
        finally
        {
            db.Execute($"DROP TABLE IF EXISTS {Weights}");
        }
    }
}
