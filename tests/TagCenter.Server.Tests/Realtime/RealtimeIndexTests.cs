using TagCenter.Core.Index;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Realtime;

/// <summary>After real-time changes, the host's index (the file with the overlay) counts what SQL counts over <c>person_tags</c>.</summary>
public sealed class RealtimeIndexTests(DemoWorkspace demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Index_AfterRealtimeChanges_CountsAsSql()
    {
        await using var rt = await RealtimeDemo.StartAsync(demo);
        var persons = await rt.PersonsAsync("activity_level <> '高'", 6);
        var asOf = RealtimeDemo.DemoAsOf.AddHours(3);
        // 25 visits each: 近30天访问次数 ≥ 25 and 活跃度 高 for all six.
        await rt.AddAsync([.. persons.SelectMany(p => Enumerable.Range(1, 25).Select(i => new FactEvent(p, "page_view", asOf.AddMinutes(-i))))]);
        var fileHigh = await rt.Host.ReadAsync((db, _) => rt.Host.Index(db)!.Equal("activity_level", "高").Cardinality, Ct);
        await rt.ApplyAsync(persons, asOf);

        var (index, sql) = await rt.Host.ReadAsync((db, _) =>
        {
            var index = rt.Host.Index(db)!;
            var counts = new List<(string, long)>();
            var expected = new List<(string, long)>();
            foreach (var level in new[] { "高", "中", "低" })
            {
                counts.Add(("活跃度 = " + level, index.Equal("activity_level", level).Cardinality));
                expected.Add(("活跃度 = " + level, db.Scalar<long>("SELECT count(*) FROM person_tags WHERE activity_level = $1", level)));
            }
            foreach (var visits in new long[] { 0, 1, 5, 20, 25, 26 })
            {
                counts.Add(("近30天访问次数 >= " + visits, index.Range("visits_30d", RangeOperator.GreaterOrEqual, visits).Cardinality));
                expected.Add(("近30天访问次数 >= " + visits, db.Scalar<long>("SELECT count(*) FROM person_tags WHERE visits_30d >= $1", visits)));
            }
            counts.Add(("persons", index.All.Cardinality));
            expected.Add(("persons", db.Scalar<long>("SELECT count(*) FROM person_tags")));
            return (counts, expected);
        }, Ct);
        index.ShouldBe(sql);
        index[0].Item2.ShouldBe(fileHigh + 6, "the six persons are 高 now: the overlay, not the file, answered");
    }
}
