using System.Globalization;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Models;

/// <summary>Reads what models recorded: their versions and the distribution of the outputs in use. Read-only.</summary>
public static class ModelHistory
{
    public static IReadOnlyList<ModelVersion> Versions(WorkspaceDatabase db, string? model = null)
    {
        if (!db.TableExists("model_versions"))
            return [];
        return [.. db.Rows("""
            SELECT model, version, kind, trained_at, as_of, parameters, metrics, data_hash, persons, status, message
            FROM model_versions WHERE $1 IS NULL OR model = $1 ORDER BY model, version
            """, model).Select(r => new ModelVersion((string)r[0]!, Convert.ToInt32(r[1], CultureInfo.InvariantCulture), (string)r[2]!,
            (DateTime)r[3]!, (DateTime)r[4]!, (string?)r[5] ?? "{}", (string?)r[6] ?? "{}", (string?)r[7],
            Convert.ToInt64(r[8] ?? 0L, CultureInfo.InvariantCulture), (string)r[9]!, (string?)r[10]))];
    }

    public static IReadOnlyList<ModelOutputSummary> Outputs(WorkspaceDatabase db, string model, int version)
    {
        var summaries = new List<ModelOutputSummary>();
        var outputs = db.Rows("SELECT DISTINCT output FROM model_outputs WHERE model = $1 AND version = $2 ORDER BY 1", model, version);
        foreach (var output in outputs.Select(r => (string)r[0]!))
        {
            var stats = db.Rows("""
                SELECT count(DISTINCT oneid), count(text), sum(number), avg(number), min(number), max(number)
                FROM model_outputs WHERE model = $1 AND version = $2 AND output = $3
                """, model, version, output)[0];
            var persons = Convert.ToInt64(stats[0], CultureInfo.InvariantCulture);
            if (Convert.ToInt64(stats[1], CultureInfo.InvariantCulture) > 0)
            {
                var counts = db.Rows("""
                    SELECT text, count(*) FROM model_outputs WHERE model = $1 AND version = $2 AND output = $3
                    GROUP BY text ORDER BY 2 DESC, 1 LIMIT 20
                    """, model, version, output).Select(r => ((string)r[0]!, Convert.ToInt64(r[1], CultureInfo.InvariantCulture))).ToList();
                summaries.Add(new ModelOutputSummary(output, persons, counts, null, null, null, null));
            }
            else
            {
                summaries.Add(new ModelOutputSummary(output, persons, [], ToDouble(stats[2]), ToDouble(stats[3]), ToDouble(stats[4]), ToDouble(stats[5])));
            }
        }
        return summaries;
    }

    private static double? ToDouble(object? value) => value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
