using System.Diagnostics;
using System.Globalization;
using TagCenter.Core.Analysis;
using TagCenter.DuckDb.Analysis;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Bench.Analysis;

/// <summary>
/// Issue #9: a 4-step funnel (app_start → product_view → add_to_cart → order_paid within 7d) over 100M events
/// generated in DuckDB (several million persons, 10 event types, 90 days), TagCenter's funnel against a
/// hand-written self-join query measured in the same run, alternating. Both must count the same persons.
/// </summary>
internal static class FunnelBenchmark
{
    private static readonly string[] Steps = ["app_start", "product_view", "add_to_cart", "order_paid"];

    public static int Run(BenchArgs args)
    {
        var events = args.Int("events", 100_000_000);
        var persons = args.Int("persons", 3_000_000);
        var runs = args.Int("runs", 3);
        var folder = Path.Combine(Path.GetTempPath(), "tagcenter-bench-funnel");
        var file = Path.Combine(folder, $"funnel-{events}-{persons}.duckdb");
        if (args.Int("reuse", 0) == 0 && Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        var exists = File.Exists(file);
        using var db = WorkspaceDatabase.Open(file);
        var build = exists ? 0 : Measure.Seconds(() => Generate(db, events, persons));
        Console.WriteLine($"funnel: {events:N0} events, {persons:N0} persons, 10 event types over 90 days (built in {build:0.0}s); {runs} alternating runs; {Environment.ProcessorCount} cores");

        var request = new FunnelRequest(Steps, TimeSpan.FromDays(7));
        var ours = new List<double>();
        var sqlOnly = new List<double>();
        var (sql, parameters) = FunnelQuery.Sql(request);
        var hand = new List<double>();
        FunnelResult? result = null;
        long[] baseline = [];
        for (var run = 0; run < runs; run++)
        {
            hand.Add(Measure.Seconds(() => baseline = [.. db.Rows(HandWritten)[0].Select(v => Convert.ToInt64(v, CultureInfo.InvariantCulture))]));
            ours.Add(Measure.Seconds(() => result = FunnelQuery.Run(db, request)));
            sqlOnly.Add(Measure.Seconds(() => db.Rows(sql, [.. parameters])));
            Console.WriteLine($"  run {run + 1}: hand-written self-join {hand[^1]:0.00}s · TagCenter FunnelQuery.Run (with medians) {ours[^1]:0.00}s · its statement alone {sqlOnly[^1]:0.00}s");
        }
        var counts = result!.Total.Steps.Select(s => s.Persons).ToArray();
        var same = counts.SequenceEqual(baseline);
        var ratio = Measure.Median(ours) / Measure.Median(hand);
        Console.WriteLine($"persons per step: TagCenter {string.Join(" → ", counts.Select(c => c.ToString("N0", CultureInfo.InvariantCulture)))}; hand-written {string.Join(" → ", baseline.Select(c => c.ToString("N0", CultureInfo.InvariantCulture)))}; {(same ? "same" : "DIFFERENT")}");
        Console.WriteLine($"medians between steps: {string.Join(", ", result.Total.Steps.Skip(1).Select(s => s.MedianFromPrevious?.ToString() ?? "—"))}");
        Console.WriteLine($"median: hand-written {Measure.Median(hand):0.00}s, TagCenter {Measure.Median(ours):0.00}s → {ratio:0.00}× the hand-written query (statement alone {Measure.Median(sqlOnly):0.00}s, {Measure.Median(sqlOnly) / Measure.Median(hand):0.00}×); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB; database file {new FileInfo(file).Length / 1048576.0:N0} MB");
        return same ? 0 : 2;
    }

    // Persons and times from hashes of the row number: reproducible, no ordering by person or time in the table.
    private static void Generate(WorkspaceDatabase db, int events, int persons) => db.Execute($"""
        CREATE TABLE fact_events AS
        SELECT hash(i, 1) % {persons} AS oneid,
               CASE WHEN r < 20 THEN 'app_start' WHEN r < 45 THEN 'page_view' WHEN r < 65 THEN 'product_view' WHEN r < 75 THEN 'search'
                    WHEN r < 83 THEN 'add_to_cart' WHEN r < 88 THEN 'favorite' WHEN r < 92 THEN 'share' WHEN r < 95 THEN 'order_paid'
                    WHEN r < 98 THEN 'login' ELSE 'logout' END AS event,
               TIMESTAMP '2026-08-01' + to_seconds(CAST(hash(i, 3) % (90 * 86400) AS BIGINT)) AS event_time
        FROM (SELECT i, hash(i, 2) % 100 AS r FROM range({events}) t(i))
        """);

    /// <summary>
    /// The baseline, written from the definition: enumerate every chain of events by self-joins (each step
    /// later than the one before, all within 7 days of the person's first app start) and count the distinct
    /// persons that reach each depth. No medians.
    /// </summary>
    private const string HandWritten = """
        WITH entry AS (SELECT oneid, min(event_time) AS t1 FROM fact_events WHERE event = 'app_start' GROUP BY oneid),
        c2 AS (SELECT n.oneid, n.t1, e.event_time AS t FROM entry n JOIN fact_events e ON e.oneid = n.oneid
               WHERE e.event = 'product_view' AND e.event_time > n.t1 AND e.event_time <= n.t1 + INTERVAL 7 DAY),
        c3 AS (SELECT c.oneid, c.t1, e.event_time AS t FROM c2 c JOIN fact_events e ON e.oneid = c.oneid
               WHERE e.event = 'add_to_cart' AND e.event_time > c.t AND e.event_time <= c.t1 + INTERVAL 7 DAY),
        c4 AS (SELECT c.oneid FROM c3 c JOIN fact_events e ON e.oneid = c.oneid
               WHERE e.event = 'order_paid' AND e.event_time > c.t AND e.event_time <= c.t1 + INTERVAL 7 DAY)
        SELECT (SELECT count(*) FROM entry), (SELECT count(DISTINCT oneid) FROM c2), (SELECT count(DISTINCT oneid) FROM c3), (SELECT count(DISTINCT oneid) FROM c4)
        """;
}
