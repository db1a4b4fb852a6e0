using TagCenter.Core.Index;
using TagCenter.Core.Segments;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Tags;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Realtime;

/// <summary>
/// <c>did(…)</c> counted on the server's index after orders arrive in real time: the activity columns are patched,
/// so the count moves by the persons who ordered, equals SQL at the same as-of, and the overlay equals a rebuild.
/// </summary>
public sealed class RealtimeDidTests(DemoWorkspace demo)
{
    private const string Rule = "not did('orders', within: 30d)";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Count_AfterOrdersAppliedInRealTime_MovesAndAgreesWithSqlAndARebuild()
    {
        await using var rt = await RealtimeDemo.StartAsync(demo);
        var asOf = RealtimeDemo.DemoAsOf;
        var (before, _) = await CountAsync(rt);
        // Six persons without an order in the 30 days before the as-of order 3 days before it (a late order, counted
        // at the run's as-of); two others order only after the as-of (not counted).
        var idle = await rt.PersonsAsync($"""
            NOT EXISTS (SELECT 1 FROM fact_orders f WHERE f.oneid = person_tags.oneid AND f.event_time > TIMESTAMP '{asOf.AddDays(-30):yyyy-MM-dd HH:mm:ss}')
            """, 8);
        idle.Count.ShouldBe(8);
        await rt.AddAsync([.. idle.Take(6).Select(p => new FactEvent(p, "order", asOf.AddDays(-3))),
            .. idle.Skip(6).Select(p => new FactEvent(p, "order", asOf.AddDays(2)))]);
        await rt.ApplyAsync(idle, asOf.AddDays(2).AddHours(1));

        var (after, plan) = await CountAsync(rt);

        after.ShouldBe(before - 6);
        plan.ShouldNotContain("SCAN");
        var sql = await rt.Host.ReadAsync((db, ct) => new SegmentEvaluator(db, PublishedCatalog.Load(db)!, WorkspaceSegments.AsOf(db, rt.Host.Definition, rt.Host.Time))
            .Count(new SegmentDefinition { Name = "s", Rule = Rule, File = "segments/s.yaml", RuleLine = 1, RuleColumn = 1 }, ct).Size, Ct);
        after.ShouldBe(sql);
        using var temp = new TempFolder();
        var rebuilt = await rt.Host.WriteAsync((db, ct) =>
        {
            TagIndexBuilder.Build(db, temp.Path, PublishedCatalog.Load(db), TimeProvider.System, ct);
            using var index = TagIndex.Open(temp.Path)!;
            return Lookups(index);
        }, Ct);
        var overlay = await rt.Host.ReadAsync((db, _) => Lookups(rt.Host.Index(db)!), Ct);
        overlay.ShouldBe(rebuilt);
    }

    private static async Task<(long Size, string Plan)> CountAsync(RealtimeDemo rt)
    {
        var (status, body) = await rt.Server.SendAsync(HttpMethod.Post, "/api/v1/segments/count", new { rule = Rule });
        status.ShouldBe(200, body.ToString());
        body.GetProperty("engine").GetString().ShouldBe("index");
        return (body.GetProperty("size").GetInt64(), body.GetProperty("plan").GetString()!);
    }

    /// <summary>Every activity column's persons with a value and under a few day thresholds, and all persons, as text.</summary>
    internal static List<string> Lookups(ITagIndex index)
    {
        var lookups = new List<string> { "all: " + string.Join(",", index.All) };
        foreach (var column in index.Activity)
        {
            lookups.Add($"{column.Code} has: {string.Join(",", index.HasValue(column.Code))}");
            foreach (var days in new long[] { 1, 3, 4, 7, 30, 90, 365 })
                lookups.Add($"{column.Code} < {days}: {string.Join(",", index.Range(column.Code, RangeOperator.Less, days))}");
        }
        return lookups;
    }
}
