using TagCenter.Core.Diagnostics;
using TagCenter.Core.Tags;
using TagCenter.Demo;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.Bench.Models;

/// <summary>
/// The lifecycle part of issue #10's "RFM, lifecycle and preferences" target: 生命周期阶段 and the 距上次购买天数 it
/// reads, as the demo dictionary declares them (samples/retail/tags/生命周期.yaml), computed by the product's tag run
/// (compile, compute, history and person_tags, as <c>tagcenter run</c> does) over the model benchmark's orders.
/// Baseline in the same run: the hand-written query of <see cref="Tags.TagBenchmark"/> reduced to these two tags.
/// </summary>
internal static class LifecycleBenchmark
{
    /// <summary>What the tag run needs beside fact_orders: the persons, and the store sales the rule also reads (one per person on average).</summary>
    public static void Prepare(WorkspaceDatabase db, int persons) => db.Execute($"""
        CREATE TABLE dim_person AS SELECT 'P' || i AS oneid FROM range({persons}) t(i);
        CREATE TABLE fact_store_sales AS
        SELECT 'P' || (hash(i * 5) % {persons}) AS oneid, TIMESTAMP '2024-11-01' + to_seconds(CAST(hash(i * 17) % 63072000 AS BIGINT)) AS event_time,
               CAST((hash(i * 19) % 50000) / 100.0 AS DECIMAL(18,2)) AS amount
        FROM range({persons}) t(i);
        """);

    /// <summary>The demo's lifecycle tags, read from the sample workspace written under <paramref name="root"/>.</summary>
    public static TagCatalog Catalog(string root)
    {
        SampleWorkspace.WriteTo(root);
        var file = Path.Combine("tags", "生命周期.yaml");
        var diagnostics = new List<Diagnostic>();
        var tags = TagCatalog.ParseFile(file, File.ReadAllText(Path.Combine(root, file)), diagnostics);
        if (diagnostics.Count > 0)
            throw new InvalidOperationException(string.Join("\n", diagnostics));
        return TagCatalog.From(tags);
    }

    /// <returns>
    /// The product's run (what the target counts), the compiled query alone (what the run computes, before history and
    /// person_tags: the like-for-like comparison with the hand-written query), the hand-written query, and the persons
    /// whose stage or days differ between the run and the hand-written query.
    /// </returns>
    public static (double Run, double Compiled, double Hand, long Differing, long Persons) Measure(WorkspaceDatabase db, TagCatalog catalog, DateTime asOf)
    {
        var runner = new TagRunner(db, TimeProvider.System);
        TagRunReport? report = null;
        var run = Bench.Measure.Seconds(() => report = runner.Run(catalog, asOf));
        var compilation = TagCompiler.Compile(catalog, runner.Schema(), asOf);
        var compiled = Bench.Measure.Seconds(() => db.Execute($"CREATE OR REPLACE TEMP TABLE compiled_lifecycle AS {compilation.Sql}", [.. compilation.Parameters]));
        var hand = Bench.Measure.Seconds(() => db.Execute($"CREATE OR REPLACE TEMP TABLE hand_lifecycle AS {HandWritten}", asOf));
        var differing = db.Scalar<long>("""
            SELECT count(*) FROM hand_lifecycle h FULL JOIN person_tags p USING (oneid)
            WHERE h.lifecycle_stage IS DISTINCT FROM p.lifecycle_stage OR h.days_since_purchase IS DISTINCT FROM p.days_since_purchase
            """);
        return (run, compiled, hand, differing, report!.Persons);
    }

    private const string HandWritten = """
        WITH o AS (SELECT oneid, count(*) AS paid, max(event_time) AS last_paid,
                          count(*) FILTER (WHERE event_time > CAST($1 AS TIMESTAMP) - INTERVAL 30 DAY) AS paid30,
                          count(*) FILTER (WHERE event_time > CAST($1 AS TIMESTAMP) - INTERVAL 180 DAY) AS paid180
                   FROM fact_orders WHERE status = 'paid' AND event_time <= $1 GROUP BY oneid),
        s AS (SELECT oneid, max(event_time) AS last_sale FROM fact_store_sales WHERE event_time <= $1 GROUP BY oneid),
        t AS (SELECT p.oneid, coalesce(o.paid, 0) AS paid, coalesce(o.paid30, 0) AS paid30, coalesce(o.paid180, 0) AS paid180,
                     least(date_diff('day', o.last_paid, CAST($1 AS TIMESTAMP)), date_diff('day', s.last_sale, CAST($1 AS TIMESTAMP))) AS days_since_purchase
              FROM dim_person p LEFT JOIN o USING (oneid) LEFT JOIN s USING (oneid))
        SELECT oneid, days_since_purchase,
               CASE WHEN days_since_purchase IS NULL THEN '新客'
                    WHEN days_since_purchase <= 30 AND paid180 = paid30 AND paid > paid180 THEN '回流'
                    WHEN days_since_purchase <= 90 THEN '活跃' WHEN days_since_purchase <= 180 THEN '沉默' ELSE '流失' END AS lifecycle_stage
        FROM t
        """;
}
