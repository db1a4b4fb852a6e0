using System.Diagnostics;
using System.Globalization;
using System.Text;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Realtime;
using TagCenter.DuckDb.Storage;
using TagCenter.Server.Consumer;
using TagCenter.Server.Log;

namespace TagCenter.Bench.Realtime;

/// <summary>
/// Issue #11 target through the server's own consumer path: Segment events (as the log holds them) for existing demo
/// persons arrive at a fixed rate; every tick the consumer applies what arrived as one batch (<see cref="EventApplier"/>:
/// rows, appending identity run, facts, offset) and the real-time evaluator re-evaluates the persons it touched. The
/// latency of an event is from its due time to its person updated. Measured twice, after a short and after a long
/// history of applied events: the ratio of the two p50s says whether a batch's cost grows with history. Baseline in the
/// same run: the previous apply (a normal incremental identity run per batch, which re-reads the whole event source).
/// </summary>
internal static class ConsumerRealtimeBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var persons = args.Int("persons", 3000);
        var rate = args.Int("rate", 1000);
        var seconds = args.Int("seconds", 5);
        var tick = args.Int("tick-ms", 5);
        var history = args.Int("history", 50_000);
        var root = Path.Combine(Path.GetTempPath(), "tagcenter-bench-realtime-consumer");
        var setup = Stopwatch.StartNew();
        var emails = await EventSchedule.DemoAsync(root, persons);
        var workspace = WorkspaceLoader.Load(root);
        using var db = WorkspaceDatabase.Open(workspace.DatabasePath);
        var run = new Run(db, workspace);
        // Each user logs in once (identify links the userId to the demo person by email), then sends events.
        run.Batches([.. emails.Select((e, i) => Identify(i, e))], 500);
        Console.WriteLine($"realtime through the consumer: demo of {persons:N0} persons ({emails.Count:N0} with an email), set up in {setup.Elapsed.TotalSeconds:0.0}s");
        Console.WriteLine($"  {rate} events/s for {seconds}s, applied every {tick} ms");

        var random = new Random(11);
        var (shortP50, shortP99) = run.Timed(rate, seconds, tick, emails.Count, random, "short history");
        run.Batches([.. Enumerable.Range(0, history).Select(_ => Track(random.Next(emails.Count), "page_view", run.Now))], 1000);
        var (longP50, longP99) = run.Timed(rate, seconds, tick, emails.Count, random, $"+{history:N0} events");
        var (liveColdP50, liveColdP99) = run.Live(rate, seconds, emails.Count, random, "live path, first touch of each person");
        var (liveP50, liveP99) = run.Live(rate, seconds, emails.Count, random, "live path, persons held");
        Console.WriteLine($"  live path / committed path p50: {liveP50 / longP50:0.0000}× ({longP50 / liveP50:0}× faster); p99 event→live-updated {liveP99:0.00} ms (target < 10 ms); with first touches {liveColdP99:0.00} ms");
        var old = run.Previous(20, emails.Count, random);
        Console.WriteLine($"  batch cost after +{history:N0} events / before: p50 {longP50 / shortP50:0.00}× (1.0 = independent of history)");
        Console.WriteLine($"  baseline, the previous apply (whole-source incremental run) per batch of 5 events: p50 {Median(old):0.0} ms = {Median(old) / longP50:0.0}× the new path's p50 event→updated");
        Console.WriteLine($"  p99 event→updated {longP99:0.00} ms (target < 10 ms)");
        return liveP99 < 10 ? 0 : 2;
    }

    private static string Identify(int user, string email) =>
        $$"""{"type":"identify","userId":"u-{{user}}","traits":{"email":"{{email}}"},"messageId":"i-{{user}}","timestamp":"2026-10-31T12:00:00Z","_source":"sdk_events"}""";

    private static int _messages;

    private static string Track(int user, string kind, DateTimeOffset at) =>
        $$"""{"type":"track","event":"{{kind}}","userId":"u-{{user}}","messageId":"t-{{++_messages}}","timestamp":"{{at:O}}","_source":"sdk_events"}""";

    private static double Median(List<double> values) => EventSchedule.Percentile(values, 0.5);


    private sealed class Run(WorkspaceDatabase db, WorkspaceDefinition workspace)
    {
        private readonly EventApplier _applier = new(workspace, TimeProvider.System);
        private readonly RealtimeEvaluator _evaluator = new(workspace.Root, TimeProvider.System);
        private long _offset = db.TableExists("ingest_offsets") ? db.Scalar<long>("SELECT coalesce(max(next_offset), 0) FROM ingest_offsets") : 0;

        public DateTimeOffset Now => TimeProvider.System.GetUtcNow();

        public void Batches(List<string> messages, int size)
        {
            for (var i = 0; i < messages.Count; i += size)
                Apply(messages.GetRange(i, Math.Min(size, messages.Count - i)));
        }

        /// <summary>Applies one batch as the consumer and the real-time listener do.</summary>
        public void Apply(List<string> messages)
        {
            var records = messages.Select(m => new LogRecord(_offset++, Now.ToUnixTimeMilliseconds(), Encoding.UTF8.GetBytes(m))).ToList();
            var watch = Stopwatch.StartNew();
            var applied = _applier.Apply(db, records, CancellationToken.None);
            var applying = watch.Elapsed.TotalMilliseconds;
            var asOf = DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(applied.Events.AppliedAt, workspace.TimeZone).DateTime, DateTimeKind.Unspecified);
            _evaluator.Apply(db, [.. applied.Events.Persons.Select(p => (p.OneId, p.ReceivedAt)), .. applied.Events.Merged.Keys.Select(id => (id, applied.Events.AppliedAt))], asOf);
            if (Environment.GetEnvironmentVariable("TC_BENCH_STEPS") is not null && _applier.LastIdentity is { } identity)
                Console.WriteLine($"    {records.Count} events: apply {applying:0} ms (identity {identity.Elapsed.TotalMilliseconds:0} ms, appended {identity.Appended}: "
                    + string.Join(", ", identity.Steps.Select(s => $"{s.Key} {s.Value.TotalMilliseconds:0}")) + $"), evaluate {watch.Elapsed.TotalMilliseconds - applying:0} ms ("
                    + string.Join(", ", _evaluator.LastSteps.Select(s => $"{s.Key} {s.Value.TotalMilliseconds:0}")) + ")");
        }

        public (double P50, double P99) Timed(int rate, int seconds, int tick, int users, Random random, string label)
        {
            var total = rate * seconds;
            var (latency, batches) = EventSchedule.Run(rate, seconds, users, random,
                due => Apply([.. due.Select(e => Track(e.User, e.Kind, Now))]),
                wait => Thread.Sleep(Math.Max(0, (int)Math.Min(tick, wait.TotalMilliseconds))));
            var rows = db.Scalar<long>($"SELECT count(*) FROM {workspace.FindSource("sdk_events")!.TableName}");
            Console.WriteLine($"  {label} ({rows:N0} event rows after): {batches} batches (mean {(double)total / batches:0.0} events); event→updated p50 {EventSchedule.Percentile(latency, 0.5):0.00} ms · p99 {EventSchedule.Percentile(latency, 0.99):0.00} ms · max {latency.Max():0.00} ms");
            return (EventSchedule.Percentile(latency, 0.5), EventSchedule.Percentile(latency, 0.99));
        }

        /// <summary>
        /// The live path as the server runs it (<see cref="LiveEvaluator"/>): every event handed over when it is due (the
        /// log's fsync and HTTP are not in this figure: the ingest bench measures them), evaluated in memory against
        /// what was committed, never applied to the engine here.
        /// </summary>
        public (double P50, double P99) Live(int rate, int seconds, int users, Random random, string label)
        {
            _live ??= new LiveEvaluator(workspace, TimeProvider.System);
            var total = rate * seconds;
            var placed = 0;
            var (latency, batches) = EventSchedule.Run(rate, seconds, users, random, due =>
            {
                var at = Now;
                var asOf = DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(at, workspace.TimeZone).DateTime, DateTimeKind.Unspecified);
                placed += _live.Apply(db, [.. due.Select(e => new LiveEvent("sdk_events", _offset++, at, Encoding.UTF8.GetBytes(Track(e.User, e.Kind, at))))], asOf).Placed;
                if (Environment.GetEnvironmentVariable("TC_BENCH_STEPS") is not null)
                    Console.WriteLine($"    live {due.Count} events: " + string.Join(", ", _live.LastSteps.Select(s => $"{s.Key} {s.Value:0.0}")));
            }, _ => Thread.Yield());
            Console.WriteLine($"  {label}: {batches} batches (mean {(double)total / batches:0.0} events), {placed:N0} of {total:N0} placed, {_live.Held:N0} persons held; event→live-updated p50 {EventSchedule.Percentile(latency, 0.5):0.000} ms · p99 {EventSchedule.Percentile(latency, 0.99):0.000} ms · max {latency.Max():0.00} ms");
            return (EventSchedule.Percentile(latency, 0.5), EventSchedule.Percentile(latency, 0.99));
        }

        private LiveEvaluator? _live;

        /// <summary>The apply before this change: rows appended, then a normal incremental identity run (re-reads the event source).</summary>
        public List<double> Previous(int batches, int users, Random random)
        {
            var times = new List<double>(batches);
            for (var b = 0; b < batches; b++)
            {
                var rows = Enumerable.Range(0, 5).Select(_ => new DuckDb.Ingest.EventRow(_offset++, Encoding.UTF8.GetBytes(Track(random.Next(users), "page_view", Now)))).ToList();
                var watch = Stopwatch.StartNew();
                db.InTransaction(() =>
                {
                    DuckDb.Ingest.EventAppender.Append(db, workspace, workspace.FindSource("sdk_events")!, rows, TimeProvider.System);
                    return new IdentityRunner(db, workspace, TimeProvider.System).RunInTransaction(incremental: true, CancellationToken.None);
                });
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            return times;
        }
    }
}
