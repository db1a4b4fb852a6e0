using TagCenter.Core.Models;
using TagCenter.Core.Models.Rfm;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;
using static TagCenter.Core.Sql.SqlFragment;

namespace TagCenter.DuckDb.Models;

/// <summary>RFM: the engine sums recency, frequency and monetary per person; the core scores and classes them.</summary>
internal static class RfmTraining
{
    public static ModelRun Run(WorkspaceDatabase db, ModelDefinition model, ModelFacts facts, ModelOutputWriter writer)
    {
        var p = model.Parameters;
        var rows = db.Rows(Of($"""
            SELECT oneid, date_diff('day', CAST(max({facts.Time}) AS DATE), CAST({SharedValue(facts.AsOf)} AS DATE)), count(*), sum({facts.Amount})
            {facts.From(p.WindowDays)} GROUP BY oneid ORDER BY oneid
            """));
        if (rows.Count == 0)
            throw new ModelFitException(Texts.T("models.fit.nodata", facts.Input.Table));
        var customers = rows.Select(r => new RfmCustomer((string)r[0]!, Convert.ToDouble(r[1], System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToDouble(r[2], System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(r[3], System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var result = RfmScorer.Score(customers, p.Thresholds);
        for (var i = 0; i < customers.Length; i++)
        {
            var (c, s) = (customers[i], result.Scores[i]);
            foreach (var output in model.Outputs.Keys)
            {
                if (output == "class")
                    writer.Text(c.OneId, output, s.Class);
                else
                    writer.Number(c.OneId, output, output switch
                    {
                        "r_score" => s.R,
                        "f_score" => s.F,
                        "m_score" => s.M,
                        "recency_days" => c.RecencyDays,
                        "frequency" => c.Frequency,
                        _ => c.Monetary,
                    });
            }
        }
        var parameters = new Dictionary<string, object?>
        {
            ["window_days"] = p.WindowDays,
            ["scoring"] = p.Thresholds is null ? "quantiles" : "thresholds",
            ["thresholds"] = p.Thresholds,
        };
        var metrics = new Dictionary<string, object?>
        {
            ["persons"] = customers.Length,
            ["mean_r"] = result.MeanR,
            ["mean_f"] = result.MeanF,
            ["mean_m"] = result.MeanM,
            ["classes"] = RfmClasses.All.ToDictionary(c => c, c => result.Scores.Count(s => s.Class == c)),
        };
        return new ModelRun(customers.Length, parameters, metrics);
    }
}
