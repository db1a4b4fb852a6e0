using System.Diagnostics;
using System.Globalization;
using TagCenter.Core.Bitmaps;
using TagCenter.Core.Index;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Bench.Index;

/// <summary>
/// Issue #9: the tag index at scale. A wide tag table of N persons (12 enums of 3–20 values, 4 booleans, 4 numeric
/// or date tags) generated in DuckDB; the index built from it; then, warm, the median of many runs of a 5-predicate
/// count (three enum values, a numeric range, a negation) and of a full portrait of a ~10% segment, each against the
/// same question in DuckDB SQL over the wide table in the same run. Counts are checked equal before timing.
/// </summary>
internal static class IndexBenchmark
{
    private static readonly int[] EnumSizes = [3, 4, 5, 6, 8, 10, 12, 15, 20, 3, 5, 7];
    private static readonly int[] BoolPercents = [10, 30, 50, 70];

    public static int Run(BenchArgs args)
    {
        var persons = args.Int("persons", 10_000_000);
        var runs = args.Int("runs", 101);
        var folder = Path.Combine(Path.GetTempPath(), $"tagcenter-bench-index-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            using var db = WorkspaceDatabase.Open(Path.Combine(folder, "bench.duckdb"));
            Console.WriteLine($"index: {persons:N0} persons, 20 tags; medians of {runs} warm runs; {Environment.ProcessorCount} cores");
            var generate = Measure.Seconds(() => Generate(db, persons));
            Console.WriteLine($"  generated the wide table in DuckDB       {generate,8:0.0} s");

            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var report = TagIndexBuilder.BuildFrom(db, "wide", Columns(), Path.Combine(folder, "index", TagIndex.FileName), "bench", TimeProvider.System);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            Console.WriteLine($"  index build (ordinals, scan, write)      {report.Elapsed.TotalSeconds,8:0.0} s   file {report.Bytes / 1024.0 / 1024.0:0.0} MB   allocated {allocated / 1024.0 / 1024.0:0} MB");

            using var index = TagIndex.OpenFile(report.Path);
            Count(db, index, runs);
            PortraitRun(db, index, Math.Max(5, runs / 5));
            GC.Collect();
            Console.WriteLine($"  managed heap with the touched bitmaps loaded: {GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0:0} MB; peak working set (incl. DuckDB) {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0} MB");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    private static IReadOnlyList<IndexColumn> Columns() =>
    [
        .. EnumSizes.Select((_, i) => new IndexColumn($"e{i + 1}", IndexedAs.Values, IndexEncoding.None, [])),
        .. BoolPercents.Select((_, i) => new IndexColumn($"b{i + 1}", IndexedAs.Values, IndexEncoding.None, [])),
        new IndexColumn("spend", IndexedAs.Range, IndexEncoding.Cents, []),
        new IndexColumn("age", IndexedAs.Range, IndexEncoding.Integer, []),
        new IndexColumn("last_order", IndexedAs.Range, IndexEncoding.Days, []),
        new IndexColumn("visits", IndexedAs.Range, IndexEncoding.Integer, []),
    ];

    // Hash-based values: reproducible, no correlation between tags; 5% of every enum is null. Each (person, tag)
    // hashes its own integer: hash(i, k) would combine hashes so that low bits agree across tags.
    private static string H(int tag) => $"hash(i + {tag}::BIGINT * 4294967296)";

    private static void Generate(WorkspaceDatabase db, int persons)
    {
        var enums = EnumSizes.Select((n, i) =>
            $"CASE WHEN {H(100 + i)} % 20 = 0 THEN NULL ELSE 'v' || CAST({H(i)} % {n} AS VARCHAR) END AS e{i + 1}");
        var bools = BoolPercents.Select((p, i) => $"{H(200 + i)} % 100 < {p} AS b{i + 1}");
        db.Execute($"""
            CREATE TABLE wide AS SELECT 'P' || lpad(CAST(i AS VARCHAR), 9, '0') AS oneid,
                {string.Join(",\n    ", enums)},
                {string.Join(",\n    ", bools)},
                CAST({H(300)} % 5000000 AS DECIMAL(18,2)) / 100 AS spend,
                CAST(18 + {H(301)} % 63 AS BIGINT) AS age,
                DATE '2023-01-01' + CAST({H(302)} % 1300 AS INTEGER) AS last_order,
                CASE WHEN {H(304)} % 10 = 0 THEN NULL ELSE CAST({H(303)} % 200 AS BIGINT) END AS visits
            FROM range({persons}) r(i)
            """);
    }

    private static void Count(WorkspaceDatabase db, TagIndex index, int runs)
    {
        const string sql = "SELECT count(*) FROM wide WHERE e1 = 'v1' AND e4 = 'v2' AND e6 = 'v3' AND spend > 3000 AND NOT b2";
        var threshold = BsiEncoding.Encode(IndexEncoding.Cents, 3000m);
        long Indexed(bool cachedRange)
        {
            var range = cachedRange ? index.Range("spend", RangeOperator.Greater, threshold)
                : index.RangeIndex("spend")!.Range(RangeOperator.Greater, threshold);
            return RoaringBitmap.AndCardinality(
                [index.Equal("e6", "v3"), index.Equal("e4", "v2"), index.Equal("e1", "v1"), range], [index.Equal("b2", "true")]);
        }
        var expected = db.Scalar<long>(sql);
        var got = Indexed(cachedRange: true);
        if (got != expected)
            throw new InvalidOperationException($"index count {got} ≠ SQL count {expected}");
        var duck = Median(Math.Max(5, runs / 10), () => db.Scalar<long>(sql));
        var warm = Median(runs, () => Indexed(cachedRange: true));
        var cold = Median(Math.Max(5, runs / 5), () => Indexed(cachedRange: false));
        var date = BsiEncoding.Encode(IndexEncoding.Days, new DateOnly(2026, 1, 1));
        var dateRange = Median(Math.Max(5, runs / 5), () => index.RangeIndex("last_order")!.Range(RangeOperator.Less, date).Cardinality);
        var spendRange = Median(Math.Max(5, runs / 5), () => index.RangeIndex("spend")!.Range(RangeOperator.Greater, threshold).Cardinality);
        Console.WriteLine($"  5-predicate count = {expected:N0}: {sql}");
        Console.WriteLine($"    DuckDB SQL over the wide table         {Ms(duck)}");
        Console.WriteLine($"    index, warm (range answer kept)         {Ms(warm)}   {duck / warm,7:0}× faster");
        Console.WriteLine($"    index, range recomputed every time     {Ms(cold)}   {duck / cold,7:0}× faster");
        Console.WriteLine($"    BSI alone: spend > 3000 (23 slices)    {Ms(spendRange)};  last_order < 2026-01-01 (11 slices) {Ms(dateRange)}");
    }

    private static void PortraitRun(WorkspaceDatabase db, TagIndex index, int runs)
    {
        var segment = index.Equal("e6", "v3");
        var tags = index.Tags.Where(t => t.Kind == IndexedAs.Values).ToList();
        var columns = tags.Select(t => t.Code).ToList();
        var sql = $"SELECT {string.Join(", ", columns)}, count(*) FROM wide WHERE e6 = 'v3' GROUP BY GROUPING SETS ({string.Join(", ", columns.Select(c => $"({c})"))})";
        // Check: the segment counts per value agree with SQL's.
        var portrait = Portrait.Of(index, segment, tags);
        var rows = db.Rows(sql);
        var fromSql = rows.Sum(r => r.Take(columns.Count).Any(v => v is not null) ? Convert.ToInt64(r[^1], CultureInfo.InvariantCulture) : 0);
        var fromIndex = portrait.Rows.Sum(r => r.InSegment);
        if (fromSql != fromIndex)
            throw new InvalidOperationException($"portrait counts {fromIndex} ≠ SQL {fromSql}");
        var duck = Median(runs, () => db.Rows(sql).Count);
        var ours = Median(runs, () => Portrait.Of(index, segment, tags).Rows.Count);
        Console.WriteLine($"  portrait of a {segment.Cardinality:N0}-person segment, {tags.Count} enum/bool tags, {portrait.Rows.Count} values (top: {portrait.Rows[0].Tag}={portrait.Rows[0].Value} TGI {portrait.Rows[0].Tgi:0})");
        Console.WriteLine($"    DuckDB GROUP BY GROUPING SETS          {Ms(duck)}");
        Console.WriteLine($"    index (AndCardinality per value)       {Ms(ours)}   {duck / ours,7:0}× faster");
    }

    private static double Median(int runs, Func<object> action)
    {
        // Warm: past tiered JIT (at least 30 calls and 300 ms), every bitmap the question touches loaded.
        var warm = Stopwatch.StartNew();
        for (var calls = 0; calls < 30 || warm.ElapsedMilliseconds < 300; calls++)
            GC.KeepAlive(action());
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            GC.KeepAlive(action());
            times.Add(stopwatch.Elapsed.TotalSeconds);
        }
        return Measure.Median(times);
    }

    private static string Ms(double seconds) => $"{seconds * 1000,9:0.000} ms";
}
