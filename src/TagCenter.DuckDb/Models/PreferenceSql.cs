using TagCenter.Core.Models;
using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using static TagCenter.Core.Sql.SqlFragment;

namespace TagCenter.DuckDb.Models;

/// <summary>
/// The statements of a preference model, shared by its training and by the models that read its tags as features:
/// a preference is a pure function of the facts and the time, so a churn model can recompute 偏好渠道 as of its
/// cut-off with the same SQL instead of reading today's value (which would leak the future). Weights follow
/// <see cref="Core.Models.Preferences.PreferenceWeights"/>, which the tests hold them to.
/// </summary>
internal static class PreferenceSql
{
    /// <summary><c>(oneid, category, weight, position)</c>: weight · 0.5^(age in days / half-life) summed per person and category, ranked (ties by name).</summary>
    public static SqlFragment Ranked(ModelDefinition model, ModelFacts facts)
    {
        var p = model.Parameters;
        var weight = p.WeightByAmount ? facts.Amount : Raw("1.0");
        return Of($"""
            SELECT oneid, category, weight, row_number() OVER (PARTITION BY oneid ORDER BY weight DESC, category) - 1 AS position FROM (
                SELECT oneid, CAST({facts.Category} AS VARCHAR) AS category,
                       sum({weight} * pow(0.5, greatest(epoch({SharedValue(facts.AsOf)}) - epoch({facts.Time}), 0) / 86400.0 / {Value(p.HalfLifeDays)})) AS weight
                {facts.From(p.WindowDays)} AND {facts.Category} IS NOT NULL
                GROUP BY ALL)
            WHERE weight > 0
            """);
    }

    /// <summary>
    /// One output's rows <c>(oneid, position, number, text)</c> read from <paramref name="ranked"/> (a table or a
    /// parenthesised <see cref="Ranked"/>): the top N, the first, the share of <c>share_of</c>, or its level.
    /// </summary>
    public static SqlFragment Rows(ModelDefinition model, string output, SqlFragment ranked)
    {
        var p = model.Parameters;
        var share = Of($"""
            SELECT oneid, 0 AS position, coalesce(sum(weight) FILTER (WHERE category = {Value(p.ShareOf)}), 0) / sum(weight) AS number,
                   CAST(NULL AS VARCHAR) AS text
            FROM {ranked} GROUP BY oneid
            """);
        return output switch
        {
            "top" => Of($"SELECT oneid, position, weight AS number, category AS text FROM {ranked} WHERE position < {Value(p.Top)}"),
            "first" => Of($"SELECT oneid, 0 AS position, weight AS number, category AS text FROM {ranked} WHERE position = 0"),
            "share" => share,
            _ => Of($"""
                SELECT * FROM (
                    SELECT oneid, position, number, CASE {Join(" ", p.Levels.OrderByDescending(l => l.From).Select(l => Of($"WHEN number >= {Value(l.From)} THEN {Value(l.Label)}")))} END AS text
                    FROM ({share}))
                WHERE text IS NOT NULL
                """),
        };
    }

    /// <summary><c>SELECT oneid, value</c> of the model tag <paramref name="tag"/> as of the facts' time, computed, not stored.</summary>
    public static SqlFragment Values(ModelDefinition model, ModelFacts facts, TagDefinition tag)
    {
        var output = model.Outputs.First(o => o.Value == tag.Name).Key;
        return ModelTagValues.Typed(Of($"({Rows(model, output, Of($"({Ranked(model, facts)})"))})"), tag.Type);
    }
}
