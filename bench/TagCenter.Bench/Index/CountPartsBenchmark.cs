using System.Diagnostics;
using TagCenter.Core.Bitmaps;
using TagCenter.Core.Index;
using TagCenter.Core.Segments;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Bench.Index;

/// <summary>
/// Where a count on the index spends its time: each rule of the API benchmark (or <c>--rule</c>) counted warm
/// <c>--runs</c> times on a workspace's index (<c>--workspace</c>, read-only), with every lookup the plan makes timed
/// (<see cref="TimedIndex"/>); what is left of the count's time is the plan's intersections and the planning. A
/// diagnostic for making counts faster; the API benchmark gives the figures a user sees.
/// </summary>
internal static class CountPartsBenchmark
{
    public static int Run(BenchArgs args)
    {
        var root = Path.GetFullPath(args.Values.TryGetValue("workspace", out var given) ? given : throw new ArgumentException("--workspace DIR: a workspace with an index"));
        var runs = args.Int("runs", 200);
        var definition = WorkspaceLoader.Load(root);
        using var db = WorkspaceDatabase.OpenReadOnly(definition.DatabasePath);
        using var file = TagIndex.OpenIfCurrent(root, db) ?? throw new InvalidOperationException($"{root}: no current index");
        var index = new TimedIndex(file);
        var sql = new SegmentEvaluator(db, WorkspaceSegments.Published(db), WorkspaceSegments.AsOf(db, definition, TimeProvider.System));
        var counter = new IndexSegmentCounter(sql, index);
        var tags = sql.Catalog.Tags.ToDictionary(t => t.Name);
        var rules = args.Values.TryGetValue("rule", out var one) ? [one] : Api.ApiBenchmark.Rules;
        Console.WriteLine($"count-parts: {file.All.Cardinality:N0} persons ({root}); means of {runs} warm counts; {Environment.ProcessorCount} cores");
        foreach (var rule in rules)
        {
            var segment = new SegmentDefinition { Name = "bench", Rule = rule, File = "bench.yaml" };
            // The first count of a rule looks its values up in the file (later ones find them cached per index view).
            var first = Stopwatch.StartNew();
            counter.Count(segment);
            Console.WriteLine($"  first count (lookups from the file) {first.Elapsed.TotalMilliseconds:0.000} ms");
            for (var i = 0; i < 20; i++)
                counter.Count(segment);
            index.Reset();
            var clock = Stopwatch.StartNew();
            long size = 0;
            for (var i = 0; i < runs; i++)
                size = counter.Count(segment).Size;
            var total = clock.Elapsed.TotalMilliseconds / runs;
            Console.WriteLine($"  {rule} = {size:N0}: {total:0.000} ms a count");
            Console.WriteLine($"    plan {counter.LastPlan}");
            foreach (var (call, ms) in index.Calls.OrderByDescending(c => c.Value))
                Console.WriteLine($"    {ms / runs,8:0.000} ms  {call}");
            // The same count's parts timed apart: the rule's check, binding and planning, the plan run.
            var check = Mean(runs, () => sql.Check(segment).Count);
            var checkKb = LastKb;
            var plan = PlanBuilder.Build(TagCenter.Core.Expressions.Binding.Binder.Bind(rule, sql.Schema, tags).Root!, index, sql.AsOf);
            var planning = Mean(runs, () => PlanBuilder.Build(TagCenter.Core.Expressions.Binding.Binder.Bind(rule, sql.Schema, tags).Root!, index, sql.AsOf).GetHashCode());
            var planKb = LastKb;
            var execute = Mean(runs, () => new IndexPlanExecutor(index, _ => throw new InvalidOperationException("scan")).Count(plan));
            Console.WriteLine($"    {check,8:0.000} ms  check the rule ({checkKb:0} KB)");
            Console.WriteLine($"    {planning,8:0.000} ms  bind and plan ({planKb:0} KB)");
            Console.WriteLine($"    {execute,8:0.000} ms  run the plan (lookups and intersections; {LastKb:0} KB)");
        }
        // Rules a warm server has not seen: each value looked up in the file once (a range is a pass over its slices).
        index.Reset();
        var (gen0, allocated) = (GC.CollectionCount(0), GC.GetTotalAllocatedBytes(precise: true));
        var fresh = Enumerable.Range(0, args.Int("fresh", 40)).Select(i =>
            $"age between {16 + i % 30} and {24 + i % 30 + i / 30} and 城市 = '上海' and not did('orders', within: {7 + i}d)").Select(rule =>
        {
            var clock = Stopwatch.StartNew();
            counter.Count(new SegmentDefinition { Name = "bench", Rule = rule, File = "bench.yaml" });
            return clock.Elapsed.TotalMilliseconds;
        }).Order().ToList();
        if (fresh.Count > 0)
        {
            foreach (var code in (args.Values.TryGetValue("columns", out var listed) ? listed : "#birthday,#age,@orders").Split(','))
                if (file.RangeIndex(code) is { } bsi)
                    Console.WriteLine($"  {code}: {bsi.Bits} slices, containers " + string.Join(", ", bsi.Slices.Prepend(bsi.NotNull)
                        .SelectMany(b => Enumerable.Range(0, b.ContainerCount).Select(b.ContainerAt)).GroupBy(c => c.GetType().Name).Select(g => $"{g.Key} {g.Count()}"))
                        + "; by slice (not null first): " + string.Join(" ", bsi.Slices.Prepend(bsi.NotNull).Select(b => $"{b.ContainerCount}/{b.Cardinality / Math.Max(1, b.ContainerCount)}")));
            Console.WriteLine($"  {fresh.Count} rules not counted before (age between a and b, 城市, not did(within: Nd), all values new): p50 {fresh[fresh.Count / 2]:0.000} ms, max {fresh[^1]:0.000} ms; "
                + $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / fresh.Count:0} KB allocated a rule, {GC.CollectionCount(0) - gen0} gen0 collections");
            foreach (var (kind, ms) in index.Calls.GroupBy(c => c.Key[..c.Key.IndexOf(' ', StringComparison.Ordinal)]).Select(g => (g.Key, g.Sum(c => c.Value))))
                Console.WriteLine($"    {ms / fresh.Count,8:0.000} ms a rule  {kind}…)");
            SameRun(file, sql, tags, fresh.Count);
            SameRunUnion(file, sql, tags, fresh.Count);
        }
        return 0;
    }

    /// <summary>
    /// An OR of values in a rule (<c>in (…)</c>), counted two ways alternating, over each city in turn: ORed key by
    /// key within the count, as counts run now, and the union built as a bitmap then intersected, as they ran before.
    /// </summary>
    private static void SameRunUnion(TagIndex index, SegmentEvaluator sql, Dictionary<string, TagCenter.Core.Tags.TagDefinition> tags, int rules)
    {
        var executor = new IndexPlanExecutor(index, _ => throw new InvalidOperationException("scan"));
        string[] cities = ["上海", "北京", "广州", "深圳", "杭州", "成都"];
        var plans = cities.Select(city => PlanBuilder.Build(TagCenter.Core.Expressions.Binding.Binder.Bind(
            $"生命周期阶段 in ('活跃', '回流') and 城市 = '{city}'", sql.Schema, tags).Root!, index, sql.AsOf)).ToList();
        foreach (var plan in plans)
            if (executor.Count(plan) != BuiltThenIntersected(index, executor, plan))
                throw new InvalidOperationException("the two ways of counting an OR disagree");
        var (now, before) = (new List<double>(), new List<double>());
        for (var i = 0; i < rules; i++)
        {
            var plan = plans[i % plans.Count];
            var clock = Stopwatch.StartNew();
            var a = executor.Count(plan);
            now.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            var b = BuiltThenIntersected(index, executor, plan);
            before.Add(clock.Elapsed.TotalMilliseconds);
            GC.KeepAlive(a + b);
        }
        Console.WriteLine($"  same run, 生命周期阶段 in ('活跃', '回流') and 城市 = (6 cities in turn) ×{rules} each way: ORed key by key p50 {P50(now):0.000} ms, max {now.Max():0.000}; "
            + $"union built then intersected p50 {P50(before):0.000} ms, max {before.Max():0.000} → {P50(now) / P50(before):0.00}×");
    }

    private static double P50(List<double> times) => times.Order().ElementAt(times.Count / 2);

    /// <summary>
    /// The same shape of fresh rule planned and counted two ways, alternating, each rule new (even and odd windows):
    /// as counts run now (<see cref="IndexPlanExecutor.Count"/>: ranges compared within the rule) and as they ran before
    /// (every range built as a bitmap, the two ends of a band in one pass, then one fused intersection count).
    /// </summary>
    private static void SameRun(TagIndex index, SegmentEvaluator sql, Dictionary<string, TagCenter.Core.Tags.TagDefinition> tags, int rules)
    {
        var executor = new IndexPlanExecutor(index, _ => throw new InvalidOperationException("scan"));
        IndexPlan Plan(int n) => PlanBuilder.Build(TagCenter.Core.Expressions.Binding.Binder.Bind(
            $"age between {17 + n % 30} and {26 + n % 30 + n / 30} and 城市 = '上海' and not did('orders', within: {3000 + n}d)", sql.Schema, tags).Root!, index, sql.AsOf);
        // The two ways agree (on a rule outside the timed ones).
        if (executor.Count(Plan(10_000)) != BuiltThenIntersected(index, executor, Plan(10_000)))
            throw new InvalidOperationException("the two ways of counting disagree");
        var (now, before) = (new List<double>(), new List<double>());
        for (var i = 0; i < rules; i++)
        {
            var clock = Stopwatch.StartNew();
            var a = executor.Count(Plan(2 * i));
            now.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            var b = BuiltThenIntersected(index, executor, Plan((2 * i) + 1));
            before.Add(clock.Elapsed.TotalMilliseconds);
            GC.KeepAlive(a + b);
        }
        Console.WriteLine($"  same run, {rules} new rules each way (plan and count): compared within the rule p50 {P50(now):0.000} ms, max {now.Max():0.000}; "
            + $"each range built then intersected p50 {P50(before):0.000} ms, max {before.Max():0.000} → {P50(now) / P50(before):0.00}×");
        // The thread pool kept busy by 20 ms work items (a server under load): a count that shares its keys with a pool
        // thread must not wait for one to come free.
        var (idle, busy) = (new List<double>(), new List<double>());
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Environment.ProcessorCount * 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
                Thread.SpinWait(2_000_000); // about 20 ms a turn on these cores
        })).ToList();
        for (var i = 0; i < rules; i++)
        {
            var clock = Stopwatch.StartNew();
            GC.KeepAlive(executor.Count(Plan((2 * rules) + i)));
            busy.Add(clock.Elapsed.TotalMilliseconds);
        }
        stop.Cancel();
        Task.WaitAll([.. load]);
        for (var i = 0; i < rules; i++)
        {
            var clock = Stopwatch.StartNew();
            GC.KeepAlive(executor.Count(Plan((3 * rules) + i)));
            idle.Add(clock.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"  thread pool busy ({load.Count} spinning items): new rules p50 {P50(busy):0.000} ms, max {busy.Max():0.000}; pool idle p50 {P50(idle):0.000} ms, max {idle.Max():0.000}");
    }

    private static long BuiltThenIntersected(ITagIndex index, IndexPlanExecutor executor, IndexPlan plan)
    {
        var parts = plan is AndPlan and ? and.Parts : [plan];
        var include = new List<RoaringBitmap>();
        var exclude = new List<RoaringBitmap>();
        foreach (var band in parts.OfType<RangePlan>().GroupBy(r => r.Tag))
        {
            var ends = band.ToList();
            include.Add(ends.Count == 2
                ? index.Range(band.Key, new RangeTest(ends[0].Operator, ends[0].Value), new RangeTest(ends[1].Operator, ends[1].Value))
                : index.Range(band.Key, ends[0].Operator, ends[0].Value));
        }
        foreach (var part in parts.Where(p => p is not RangePlan))
        {
            if (part is AndNotPlan { Left: AllPlan } n)
                exclude.Add(executor.Execute(n.Right));
            else
                include.Add(executor.Execute(part));
        }
        include.Sort((x, y) => x.Cardinality.CompareTo(y.Cardinality));
        return RoaringBitmap.AndCardinality([.. include], [.. exclude]);
    }

    private static double Mean(int runs, Func<long> run)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
            GC.KeepAlive(run());
        var ms = clock.Elapsed.TotalMilliseconds / runs;
        LastKb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / runs;
        return ms;
    }

    /// <summary>KB allocated per call in the last <see cref="Mean"/>.</summary>
    private static double LastKb;

    /// <summary>An index whose lookups are timed, per call (tag, operator, value).</summary>
    private sealed class TimedIndex(ITagIndex inner) : ITagIndex
    {
        public Dictionary<string, double> Calls { get; } = [];

        public void Reset() => Calls.Clear();

        private T Timed<T>(string call, Func<T> run)
        {
            var clock = Stopwatch.StartNew();
            var result = run();
            Calls[call] = Calls.GetValueOrDefault(call) + clock.Elapsed.TotalMilliseconds;
            return result;
        }

        public RoaringBitmap All => inner.All;

        public IndexedTag? Find(string tagCode) => inner.Find(tagCode);

        public IReadOnlyList<string> Values(string tagCode) => inner.Values(tagCode);

        public RoaringBitmap Equal(string tagCode, string value) => Timed($"Equal({tagCode}, {value})", () => inner.Equal(tagCode, value));

        public RoaringBitmap HasValue(string tagCode) => Timed($"HasValue({tagCode})", () => inner.HasValue(tagCode));

        public RoaringBitmap Range(string tagCode, RangeOperator op, long value) => Timed($"Range({tagCode} {op} {value})", () => inner.Range(tagCode, op, value));

        public RoaringBitmap Range(string tagCode, RangeTest first, RangeTest second) =>
            Timed($"Range({tagCode} {first.Operator} {first.Value}, {second.Operator} {second.Value})", () => inner.Range(tagCode, first, second));

        public IReadOnlyList<IndexedTag> Tags => inner.Tags;

        public BitSlicedIndex? RangeIndex(string tagCode) => inner.RangeIndex(tagCode);

        public RoaringBitmap? KeptRange(string tagCode, RangeTest first, RangeTest? second) => Timed($"KeptRange({tagCode} {first.Operator} {first.Value})", () => inner.KeptRange(tagCode, first, second));

        public DateTime? ActivityAnchor => inner.ActivityAnchor;

        public DateTime? AgeAnchor => inner.AgeAnchor;

        public IReadOnlyList<IndexedTag> Activity => inner.Activity;
    }
}
