using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Tests.Tags;

public sealed class TagRunnerTests : IDisposable
{
    private static readonly DateTime AsOf = new(2026, 11, 1);
    private readonly TestWorkspace _workspace = new();

    public TagRunnerTests()
    {
        _workspace.WithYaml("sources: {}");
        _workspace.Database.Execute("""
            CREATE TABLE dim_person AS SELECT * FROM (VALUES
                ('P1', '上海', DATE '1990-06-01', 'male'),
                ('P2', '北京', DATE '2001-01-01', NULL),
                ('P3', NULL, NULL, 'female')) t(oneid, city, birthday, gender);
            CREATE TABLE fact_orders AS SELECT * FROM (VALUES
                ('P1', TIMESTAMP '2026-10-20 10:00:00', 100.00, 'paid'),
                ('P1', TIMESTAMP '2026-10-25 10:00:00', 50.00, 'refunded'),
                ('P1', TIMESTAMP '2026-03-01 10:00:00', 300.00, 'paid'),
                ('P2', TIMESTAMP '2026-09-01 10:00:00', 80.00, 'paid'),
                ('P2', TIMESTAMP '2026-11-05 10:00:00', 999.00, 'paid'),
                (NULL, TIMESTAMP '2026-10-01 10:00:00', 5.00, 'paid')) t(oneid, event_time, amount, status);
            CREATE TABLE fact_events AS SELECT * FROM (VALUES
                ('P1', TIMESTAMP '2026-10-30 09:00:00', 'page_view'),
                ('P1', TIMESTAMP '2026-10-31 09:00:00', 'page_view'),
                ('P3', TIMESTAMP '2026-05-01 09:00:00', 'page_view')) t(oneid, event_time, event);
            """);
    }

    private TagRunReport Run(string tags, IReadOnlyCollection<string>? only = null)
    {
        _workspace.WithFile("tags/t.yaml", "path: 测试\ntags:\n" + tags);
        return new TagRunner(_workspace.Database, TimeProvider.System).Run(TagCatalog.Load(_workspace.Root), AsOf, only);
    }

    private const string Tags = """
          累计消费:
            code: spend
            type: decimal
            rule: >-
              sum('orders', amount, where: status = 'paid') - coalesce(sum('orders', amount, where: status = 'refunded'), 0)
          近30天订单:
            code: orders_30d
            type: int
            rule: >-
              count('orders', within: 30d)
          近30天访问:
            code: visits_30d
            type: int
            rule: >-
              count('page_view', within: 30d)
          活跃度:
            code: activity
            kind: enum
            type: string
            values: [高, 低]
            rule: case when 近30天访问 >= 2 then '高' else '低' end
          年龄:
            code: age
            type: int
            rule: age
          距上次下单:
            code: days
            type: int
            rule: >-
              days_since('orders')
          城市:
            code: city
            kind: enum
            type: string
            values: [上海]
            from: city
        """;

    [Fact]
    public void Run_Demo_ValuesPerPerson()
    {
        var report = Run(Tags);

        report.Persons.ShouldBe(3);
        var rows = _workspace.Rows("SELECT oneid, spend, orders_30d, visits_30d, activity, age, days, city FROM tc_tags ORDER BY oneid");
        rows[0].ShouldBe(new object?[] { "P1", 350.00m, 2L, 2L, "高", 36L, 7L, "上海" });
        // P2's order after the as-of date is not seen: runs read only what was known then.
        rows[1].ShouldBe(new object?[] { "P2", 80.00m, 0L, 0L, "低", 25L, 61L, null });
        rows[2].ShouldBe(new object?[] { "P3", null, 0L, 0L, "低", null, null, null });
        var city = report.Tags.Single(t => t.Code == "city");
        city.Violations.ShouldBe(1); // 北京 is not in the declared value set
        city.Coverage.ShouldBe(1 / 3.0, 1e-9);
    }

    [Fact]
    public void Run_Twice_SnapshotsKeptAndRefreshTouchesOnlyItsTags()
    {
        var first = Run(Tags);
        _workspace.Database.Execute("INSERT INTO fact_events VALUES ('P2', TIMESTAMP '2026-10-30 09:00:00', 'page_view'), ('P2', TIMESTAMP '2026-10-30 10:00:00', 'page_view')");

        var second = Run(Tags, only: ["近30天访问"]);

        second.Tags.Select(t => t.Name).ShouldBe(["近30天访问", "活跃度"]); // the tag and what depends on it
        var history = new TagHistory(_workspace.Database);
        history.PersonHistory("P2", "activity").Select(i => (i.Value, i.From.RunId, i.To?.RunId)).ShouldBe([("低", first.RunId, second.RunId), ("高", second.RunId, null)]);
        history.Latest()!.Tags.ShouldBe(["visits_30d", "activity"]); // only what it computed
        history.PersonHistory("P1").Select(i => i.From.RunId).Distinct().ShouldBe([first.RunId]); // P1's visits and activity did not change
        history.ValuesOf("P1", history.Latest()!)["spend"].ShouldBe("350.00"); // tags it did not compute keep their values
        _workspace.Database.Scalar<decimal>("SELECT spend FROM person_tags WHERE oneid = 'P1'").ShouldBe(350.00m); // the rest stays current
        _workspace.Database.Scalar<long>("SELECT count(*) FROM tag_runs").ShouldBe(2);
        _workspace.Database.Scalar<string>("SELECT activity FROM person_tags WHERE oneid = 'P2'").ShouldBe("高");
        first.RunId.ShouldNotBe(second.RunId);
    }

    [Fact]
    public void Run_RefreshOfANewTag_AddsItsColumnAndHistory_OthersKept()
    {
        var first = Run(Tags);

        var second = Run(Tags + "\n  订单总数:\n    code: orders_all\n    type: int\n    rule: >-\n      count('orders')\n", only: ["订单总数"]);

        // By hand: P1 has three orders, P2 two (one after the as-of date, not seen), P3 none.
        _workspace.Rows("SELECT oneid, orders_all, spend FROM person_tags ORDER BY oneid").Select(r => $"{r[0]} {r[1]} {r[2]}")
            .ShouldBe(["P1 3 350.00", "P2 1 80.00", "P3 0 "]);
        var history = new TagHistory(_workspace.Database);
        history.PersonHistory("P1", "orders_all").Select(i => (i.Value, i.From.RunId, i.To)).ShouldBe([("3", second.RunId, (TagHistoryRun?)null)]);
        history.PersonHistory("P1", "spend").Select(i => i.From.RunId).ShouldBe([first.RunId]);
    }

    [Fact]
    public void Run_BadRule_WorkspaceErrorWithPosition_NothingStored()
    {
        var error = Should.Throw<WorkspaceException>(() => Run("  x:\n    code: x\n    type: bool\n    rule: city > 5\n"));

        error.Diagnostics.ShouldHaveSingleItem().ToString().ShouldStartWith("tags/t.yaml:6:11: tag 'x': cannot compare text with a whole number");
        _workspace.Database.TableExists("tag_runs").ShouldBeFalse();
    }

    [Fact]
    public void Run_UnknownTagToRefresh_Suggests()
    {
        var error = Should.Throw<WorkspaceException>(() => Run(Tags, only: ["活越度"]));

        error.Message.ShouldContain("did you mean '活跃度'");
    }

    [Fact]
    public void Due_FollowsEachTagsRefreshSinceItsLastRun()
    {
        var catalog = TagCatalog.From([.. Catalog().Tags.Select(t => t.Name == "活跃度" ? t with { Refresh = "hourly" } : t)]);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));
        var runner = new TagRunner(_workspace.Database, clock);
        runner.Due(catalog, clock.GetUtcNow().UtcDateTime, TimeZoneInfo.Utc).Count.ShouldBe(catalog.Tags.Count); // never computed

        runner.Run(catalog, AsOf);

        runner.Due(catalog, clock.GetUtcNow().UtcDateTime, TimeZoneInfo.Utc).ShouldBeEmpty();
        clock.Advance(TimeSpan.FromHours(1.01));
        runner.Due(catalog, clock.GetUtcNow().UtcDateTime, TimeZoneInfo.Utc).ShouldBe(["活跃度"]); // daily ones join only after midnight
        clock.Advance(TimeSpan.FromDays(1));
        runner.Due(catalog, clock.GetUtcNow().UtcDateTime, TimeZoneInfo.Utc).Count.ShouldBe(catalog.Tags.Count);
    }

    private const string Overflowing = """
          订单数:
            code: n
            type: int
            rule: >-
              count('orders')
          放大:
            code: big
            type: int
            rule: 订单数 * 9000000000000000000 * 10
        """;

    [Fact]
    public void Run_OverflowAtRunTime_NamesTheTagOfThatLayer_NothingStored()
    {
        Run(Tags);

        var error = Should.Throw<TagRunException>(() => Run(Overflowing));

        error.Tags.ShouldBe(["放大"]);
        error.Message.ShouldStartWith("the engine failed while computing 放大: ");
        error.Message.ShouldContain("Nothing was stored");
        error.Message.ShouldNotContain("SELECT");
        error.InnerException.ShouldBeOfType<TagCenter.DuckDb.Storage.EngineException>();
        _workspace.Database.Scalar<long>("SELECT count(*) FROM tag_runs").ShouldBe(1);
    }

    [Fact]
    public void Run_Cancelled_OperationCanceledAndNothingStored()
    {
        Run(Tags);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var runner = new TagRunner(_workspace.Database, TimeProvider.System);

        Should.Throw<OperationCanceledException>(() => runner.Run(Catalog(), new TagRunOptions(AsOf), cancel.Token));

        _workspace.Database.Scalar<long>("SELECT count(*) FROM tag_runs").ShouldBe(1);
        _workspace.Database.Scalar<long>("SELECT count(*) FROM tag_run_order").ShouldBe(1);
        _workspace.Database.Scalar<long>("SELECT count(DISTINCT valid_from) FROM tag_history").ShouldBe(1);
    }

    /// <summary>What cancelling a run relies on: cancelling any command of the connection interrupts the statement running on it.</summary>
    [Fact]
    public void Interrupt_CommandOfTheConnection_StopsTheRunningStatement()
    {
        using var timer = new Timer(_ =>
        {
            using var command = _workspace.Database.Connection.CreateCommand();
            command.Cancel();
        }, null, 300, Timeout.Infinite);
        var started = System.Diagnostics.Stopwatch.StartNew();

        Should.Throw<OperationCanceledException>(() => _workspace.Database.Scalar<long>("SELECT count(*) FROM range(100000000000) r(i) WHERE i % 7 = 3"));

        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    private TagCatalog Catalog()
    {
        _workspace.WithFile("tags/t.yaml", "path: 测试\ntags:\n" + Tags);
        return TagCatalog.Load(_workspace.Root);
    }

    public void Dispose() => _workspace.Dispose();
}
