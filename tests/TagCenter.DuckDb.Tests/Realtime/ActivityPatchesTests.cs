using Shouldly;
using TagCenter.Core.Index;
using TagCenter.Core.Realtime;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Realtime;
using TagCenter.DuckDb.Tests.Index;

namespace TagCenter.DuckDb.Tests.Realtime;

/// <summary>
/// After events and a merge, the index file with the real-time overlay (tag rows and activity patches of the persons
/// touched) answers every activity lookup as an index rebuilt from the data now; and counts on it agree with SQL.
/// </summary>
public sealed class ActivityPatchesTests : IDisposable
{
    private readonly DidIndexFixture _f = new();
    private readonly TestWorkspace _rebuilt = new();

    [Fact]
    public void Overlay_AfterEventsAndAMerge_EqualsARebuild()
    {
        using var file = _f.Build();
        var codes = file.Activity.Select(a => a.Code).ToList();
        // New activity (P8), a late order before the as-of (P9), one after it (P3), P2 merged into P1, a new person P10.
        _f.Db.Execute("""
            INSERT INTO fact_orders VALUES ('P8', TIMESTAMP '2026-03-28 10:00:00', 1), ('P9', TIMESTAMP '2026-03-30 09:00:00', 1),
                ('P3', TIMESTAMP '2026-04-02 00:00:00', 1), ('P10', TIMESTAMP '2026-03-31 08:00:00', 1);
            INSERT INTO fact_events VALUES ('P10', TIMESTAMP '2026-03-30 10:00:00', 'app_start');
            UPDATE fact_orders SET oneid = 'P1' WHERE oneid = 'P2';
            UPDATE fact_events SET oneid = 'P1' WHERE oneid = 'P2';
            DELETE FROM dim_person WHERE oneid = 'P2';
            DELETE FROM person_tags WHERE oneid = 'P2';
            INSERT INTO dim_person VALUES ('P10', '北京');
            INSERT INTO person_tags (oneid, city) VALUES ('P10', '北京');
            """);
        string[] touched = ["P1", "P2", "P3", "P8", "P9", "P10"];
        var rows = IndexPatches.Read(_f.Db, ["P2", "P10"]);
        var activity = ActivityPatches.Read(_f.Db, touched, DidIndexFixture.AsOf, codes);
        var overlay = new PatchedTagIndex(file).With(rows, activity);
        var tagsOnly = new PatchedTagIndex(file).With(rows);

        TagIndexBuilder.Build(_f.Db, _rebuilt.Root, _f.Catalog, TimeProvider.System, TestContext.Current.CancellationToken);
        using var rebuilt = TagIndex.Open(_rebuilt.Root)!;

        overlay.All.ToArray().ShouldBe(rebuilt.All.ToArray());
        Lookups(overlay, codes).ShouldBe(Lookups(rebuilt, codes));
        Lookups(tagsOnly, codes).ShouldNotBe(Lookups(rebuilt, codes), "without the activity patches the file is behind");
        foreach (var rule in new[] { "did('orders', within: 3d)", "not did('orders')", "did('app_start', within: 7d) and 城市 = '北京'", "did('orders', within: 30d)" })
        {
            var (onIndex, inSql, plan) = _f.Count(overlay, rule);
            onIndex.ShouldBe(inSql, rule);
            plan.ShouldNotContain("SCAN");
        }
    }

    [Fact]
    public void Read_FromRowsTheEvaluatorRead_EqualsReadingTheFacts()
    {
        using var file = _f.Build();
        var codes = file.Activity.Select(a => a.Code).ToList();
        string[] touched = ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9"];
        // The evaluator read P1–P5 (as it reads them: oneid, event_time, event); P6–P9 are read here.
        var read = touched.Take(5).ToList();
        var facts = new Dictionary<string, Dictionary<string, List<IReadOnlyDictionary<string, object?>>>>
        {
            ["orders"] = PersonRows.Read(_f.Db, "fact_orders", read, "oneid, event_time"),
            ["events"] = PersonRows.Read(_f.Db, "fact_events", read, "oneid, event_time, \"event\""),
        };

        var known = new KnownActivity();
        known.Add(read, facts, DidIndexFixture.AsOf, codes);
        var fromRows = ActivityPatches.Read(_f.Db, touched, DidIndexFixture.AsOf, codes, known);
        var fromSql = ActivityPatches.Read(_f.Db, touched, DidIndexFixture.AsOf, codes);

        Text(fromRows).ShouldBe(Text(fromSql));
        string.Join("\n", Text(fromSql)).ShouldContain("@orders=31", customMessage: "P6: exactly 31 days back");
    }

    private static List<string> Text(IEnumerable<ActivityPatch> patches) =>
        [.. patches.Select(p => $"{p.Ordinal}: {string.Join(" ", p.Latest.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"))}")];

    /// <summary>Every activity column's persons with a value, and those under each day threshold, as text.</summary>
    private static List<string> Lookups(ITagIndex index, IReadOnlyList<string> codes)
    {
        var lookups = new List<string>();
        foreach (var code in codes)
        {
            lookups.Add($"{code} has: {string.Join(",", index.HasValue(code))}");
            foreach (var days in new long[] { 1, 2, 3, 4, 5, 7, 8, 10, 30, 31, 32, 60, 400, 36525, ActivityColumns.Oldest })
                lookups.Add($"{code} < {days}: {string.Join(",", index.Range(code, RangeOperator.Less, days))}");
        }
        return lookups;
    }

    public void Dispose()
    {
        _rebuilt.Dispose();
        _f.Dispose();
    }
}
