using TagCenter.Core.Models;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;
using static TagCenter.Core.Sql.SqlFragment;

namespace TagCenter.DuckDb.Models;

/// <summary>
/// "People who bought X also bought" in the engine: two items are related by the number of baskets (orders) holding
/// both; a person's candidates are the items not yet bought, scored by the sum of their co-purchase counts with every
/// item the person bought; the top N (ties by item) go into <c>model_outputs</c> with the score as the number. The
/// same rule as <see cref="Core.Models.Recommendations.CoPurchase"/>, which the tests hold it to.
/// </summary>
internal static class RecommendationTraining
{
    public static ModelRun Run(WorkspaceDatabase db, ModelDefinition model, ModelFacts facts, int version)
    {
        var p = model.Parameters;
        var basket = Ident(facts.Input.Basket!);
        var inserted = db.Execute(Of($"""
            INSERT INTO model_outputs (model, version, oneid, output, position, number, text)
            WITH lines AS (
                SELECT DISTINCT oneid, CAST({basket} AS VARCHAR) AS basket, CAST({facts.Category} AS VARCHAR) AS item
                {facts.From(p.WindowDays)} AND {facts.Category} IS NOT NULL AND {basket} IS NOT NULL),
            pairs AS (SELECT a.item AS bought, b.item AS item, count(*) AS together FROM lines a JOIN lines b ON a.basket = b.basket AND a.item <> b.item GROUP BY ALL),
            owned AS (SELECT DISTINCT oneid, item FROM lines),
            scores AS (
                SELECT o.oneid, p.item, sum(p.together) AS score
                FROM owned o JOIN pairs p ON p.bought = o.item
                LEFT JOIN owned w ON w.oneid = o.oneid AND w.item = p.item
                WHERE w.oneid IS NULL GROUP BY ALL),
            ranked AS (SELECT oneid, item, score, row_number() OVER (PARTITION BY oneid ORDER BY score DESC, item) - 1 AS position FROM scores)
            SELECT {Value(model.Name)}, {Value(version)}, oneid, 'items', position, score, item FROM ranked WHERE position < {Value(p.Top)}
            """));
        if (inserted == 0)
            throw new ModelFitException(Texts.T("models.fit.nodata", facts.Input.Table));
        var counts = db.Rows(Of($"SELECT count(DISTINCT oneid), count(DISTINCT text) FROM model_outputs WHERE model = {Value(model.Name)} AND version = {Value(version)}"))[0];
        var persons = Convert.ToInt64(counts[0], System.Globalization.CultureInfo.InvariantCulture);
        var parameters = new Dictionary<string, object?> { ["top"] = p.Top, ["window_days"] = p.WindowDays, ["item"] = facts.Input.Category, ["basket"] = facts.Input.Basket };
        var metrics = new Dictionary<string, object?> { ["persons"] = persons, ["items_recommended"] = counts[1] };
        return new ModelRun(persons, parameters, metrics);
    }

    /// <summary>
    /// One person's top <paramref name="top"/> by the same rule, computed on demand (any N), each with the bought item
    /// that shares the most baskets with it (the "because you bought").
    /// </summary>
    public static IReadOnlyList<(string Item, long Score, string Because)> For(WorkspaceDatabase db, ModelDefinition model, DateTime asOf, string oneId, int top)
    {
        var facts = new ModelFacts(db, model, asOf);
        var basket = Ident(facts.Input.Basket!);
        return [.. db.Rows(Of($"""
            WITH lines AS (
                SELECT DISTINCT oneid, CAST({basket} AS VARCHAR) AS basket, CAST({facts.Category} AS VARCHAR) AS item
                {facts.From(model.Parameters.WindowDays)} AND {facts.Category} IS NOT NULL AND {basket} IS NOT NULL),
            owned AS (SELECT DISTINCT item FROM lines WHERE oneid = {Value(oneId)}),
            pairs AS (
                SELECT a.item AS bought, b.item AS item, count(*) AS together
                FROM lines a JOIN lines b ON a.basket = b.basket AND a.item <> b.item
                WHERE a.item IN (SELECT item FROM owned) AND b.item NOT IN (SELECT item FROM owned) GROUP BY ALL),
            ranked AS (SELECT *, row_number() OVER (PARTITION BY item ORDER BY together DESC, bought) AS r FROM pairs)
            SELECT item, CAST(sum(together) AS BIGINT), max(bought) FILTER (WHERE r = 1) FROM ranked GROUP BY item ORDER BY 2 DESC, 1 LIMIT {Value(top)}
            """)).Select(r => ((string)r[0]!, Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture), (string)r[2]!))];
    }
}
