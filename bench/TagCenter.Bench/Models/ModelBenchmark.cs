using TagCenter.Core.Models;
using TagCenter.DuckDb.Models;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Bench.Models;

/// <summary>
/// Issue #10 targets: RFM, lifecycle and preferences for 1M persons / 20M orders under 30 s (the baseline: hand-written
/// DuckDB queries doing the same per-person aggregations, same run; lifecycle is the demo's tag computed by the tag run,
/// <see cref="LifecycleBenchmark"/>); BG/NBD + Gamma-Gamma fitted on 100k persons under 10 s (<see cref="ClvBenchmark"/>).
/// </summary>
internal static class ModelBenchmark
{
    private static readonly DateTime AsOf = new(2026, 11, 1);

    public static int Run(BenchArgs args)
    {
        var persons = args.Int("persons", 1_000_000);
        var orders = args.Int("orders-per-person", 20);
        var root = Path.Combine(Path.GetTempPath(), "tagcenter-bench-models");
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
        using var db = WorkspaceDatabase.Open(Path.Combine(root, "models.duckdb"));
        var build = Measure.Seconds(() => db.Execute($"""
            CREATE TABLE fact_orders AS
            SELECT 'P' || (hash(i * 3) % {persons}) AS oneid,
                   TIMESTAMP '2024-11-01' + to_seconds(CAST(hash(i * 11) % 63072000 AS BIGINT)) AS event_time,
                   CAST((hash(i * 13) % 100000) / 100.0 AS DECIMAL(18,2)) AS amount,
                   (['paid', 'paid', 'paid', 'refunded', 'cancelled'])[1 + CAST(i % 5 AS INTEGER)] AS status,
                   (['服装', '美妆', '数码', '食品', '家居', '母婴', '运动', '图书'])[1 + CAST(hash(i * 7) % 8 AS INTEGER)] AS category
            FROM range({(long)persons * orders}) t(i)
            """));
        build += Measure.Seconds(() => LifecycleBenchmark.Prepare(db, persons));
        var lifecycleTags = LifecycleBenchmark.Catalog(Path.Combine(root, "sample"));
        var rows = db.Scalar<long>("SELECT count(*) FROM fact_orders");
        Console.WriteLine($"models: {persons:N0} persons, {rows:N0} orders, {persons:N0} store sales for the lifecycle rule (built in {build:0.0}s)");

        var hand = Measure.Seconds(() => db.Execute("""
            CREATE OR REPLACE TEMP TABLE hand AS
            WITH rfm AS (SELECT oneid, date_diff('day', CAST(max(event_time) AS DATE), DATE '2026-11-01') AS r, count(*) AS f, sum(amount) AS m
                         FROM fact_orders WHERE status = 'paid' AND event_time < $1 AND event_time >= $1 - INTERVAL 365 DAY GROUP BY oneid)
            SELECT oneid, ntile(5) OVER (ORDER BY r DESC) AS rs, ntile(5) OVER (ORDER BY f) AS fs, ntile(5) OVER (ORDER BY m) AS ms FROM rfm
            """, AsOf));
        hand += Measure.Seconds(() => db.Execute("""
            CREATE OR REPLACE TEMP TABLE hand_pref AS
            SELECT oneid, list(category ORDER BY w DESC, category)[1:3] FROM (
                SELECT oneid, category, sum(pow(0.5, (epoch($1) - epoch(event_time)) / 86400.0 / 90)) AS w
                FROM fact_orders WHERE event_time < $1 AND event_time >= $1 - INTERVAL 730 DAY GROUP BY ALL) GROUP BY oneid
            """, AsOf));
        var trainer = new ModelTrainer(db, TimeProvider.System);
        var input = new ModelInput("orders", "event_time", "amount", "category", new Dictionary<string, string> { ["status"] = "paid" });
        var rfmModel = new ModelDefinition
        {
            Name = "rfm",
            Kind = ModelKind.Rfm,
            Input = input,
            Parameters = new ModelParameters { WindowDays = 365 },
            Outputs = new Dictionary<string, string> { ["class"] = "RFM分层" },
            File = "bench",
        };
        var preferenceModel = new ModelDefinition
        {
            Name = "top3",
            Kind = ModelKind.Preference,
            Input = input with { Where = new Dictionary<string, string>() },
            Parameters = new ModelParameters { WindowDays = 730, HalfLifeDays = 90, Top = 3 },
            Outputs = new Dictionary<string, string> { ["top"] = "偏好品类Top3" },
            File = "bench",
        };
        var rfm = trainer.Train(rfmModel, AsOf);
        var preference = trainer.Train(preferenceModel, AsOf);
        if (!rfm.Succeeded || !preference.Succeeded)
            throw new InvalidOperationException(rfm.Message ?? preference.Message);
        var lifecycle = LifecycleBenchmark.Measure(db, lifecycleTags, AsOf);
        var models = rfm.Elapsed.TotalSeconds + preference.Elapsed.TotalSeconds + lifecycle.Run;
        Console.WriteLine($"  RFM {rfm.Elapsed.TotalSeconds:0.00}s ({rfm.Persons:N0} persons) + preferences {preference.Elapsed.TotalSeconds:0.00}s ({preference.Persons:N0}) " +
            $"+ lifecycle {lifecycle.Run:0.00}s ({lifecycle.Persons:N0}, tag run with history) = {models:0.00}s (target < 30 s)");
        Console.WriteLine($"  hand-written baseline (no outputs stored): RFM + preferences {hand:0.00}s, lifecycle {lifecycle.Hand:0.00}s → " +
            $"{(models - lifecycle.Run) / hand:0.00}× and {lifecycle.Run / lifecycle.Hand:0.00}×, together {models / (hand + lifecycle.Hand):0.00}×; lifecycle persons differing: {lifecycle.Differing}");
        Console.WriteLine($"    lifecycle: compiled query alone {lifecycle.Compiled:0.00}s → {lifecycle.Compiled / lifecycle.Hand:0.00}× the hand-written one; history and person_tags {lifecycle.Run - lifecycle.Compiled:0.00}s");

        Profile(db, rfmModel, preferenceModel);

        var clv = ClvBenchmark.Run(args);
        return models < 30 && lifecycle.Differing == 0 && clv == 0 ? 0 : 2;
    }

    /// <summary>Where the models' time goes: the data hash (one extra scan each), RFM's aggregation read into .NET, the preference weights.</summary>
    private static void Profile(WorkspaceDatabase db, ModelDefinition rfm, ModelDefinition preference)
    {
        var (rfmFacts, preferenceFacts) = (new ModelFacts(db, rfm, AsOf), new ModelFacts(db, preference, AsOf));
        var hashes = Measure.Seconds(() => db.Rows(rfmFacts.Hash(rfm.Parameters.WindowDays)))
            + Measure.Seconds(() => db.Rows(preferenceFacts.Hash(preference.Parameters.WindowDays)));
        var aggregate = Measure.Seconds(() => db.Rows(TagCenter.Core.Sql.SqlFragment.Of($"""
            SELECT oneid, max({rfmFacts.Time}), count(*), sum({rfmFacts.Amount}) {rfmFacts.From(rfm.Parameters.WindowDays)} GROUP BY oneid ORDER BY oneid
            """)));
        var weights = Measure.Seconds(() => db.Execute(TagCenter.Core.Sql.SqlFragment.Of($"CREATE OR REPLACE TEMP TABLE profile_weights AS {PreferenceSql.Ranked(preference, preferenceFacts)}")));
        Console.WriteLine($"    profile: data hashes {hashes:0.00}s · RFM aggregation read into .NET {aggregate:0.00}s · preference weights ranked {weights:0.00}s");
    }
}
