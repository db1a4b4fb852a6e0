using Shouldly;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Tests.Tags;

/// <summary>
/// History kept as changes: three runs over a person table changed by hand between them, checked against
/// intervals written out by hand; and the one-time conversion of an older workspace's snapshots.
/// </summary>
public sealed class TagHistoryTests : IDisposable
{
    private readonly TestWorkspace _workspace = new();

    private const string Tags = """
          城市:
            code: city
            type: string
            from: city
          等级:
            code: level
            type: string
            rule: case when score >= 10 then '高' else '低' end
          距上次下单:
            code: days
            type: int
            rule: days_since('orders')
        """;

    public TagHistoryTests()
    {
        _workspace.WithYaml("sources: {}");
        _workspace.WithFile("tags/t.yaml", "path: 测试\ntags:\n" + Tags);
        _workspace.Database.Execute("""
            CREATE TABLE dim_person AS SELECT * FROM (VALUES
                ('P1', '上海', 12), ('P2', '北京', 5), ('P3', NULL, 3)) t(oneid, city, score);
            -- No orders: days_since is NULL for everyone, so it stores nothing (a rule that reads no fact leaves the
            -- compiler's as-of parameter unused, which the engine refuses).
            CREATE TABLE fact_orders (oneid VARCHAR, event_time TIMESTAMP, amount DECIMAL(18, 2));
            """);
    }

    private TagRunReport Run(DateTime asOf) =>
        new TagRunner(_workspace.Database, TimeProvider.System).Run(TagCatalog.Load(_workspace.Root), asOf);

    /// <summary>Run 1 as set up; run 2: P2's score rises to 15, P3 moves to 广州, P1 is gone, P4 arrives; run 3: nothing changes.</summary>
    private (TagHistory History, TagHistoryRun R1, TagHistoryRun R2, TagHistoryRun R3) ThreeRuns()
    {
        Run(new DateTime(2026, 10, 1));
        _workspace.Database.Execute("""
            UPDATE dim_person SET score = 15 WHERE oneid = 'P2';
            UPDATE dim_person SET city = '广州' WHERE oneid = 'P3';
            DELETE FROM dim_person WHERE oneid = 'P1';
            INSERT INTO dim_person VALUES ('P4', '杭州', 1);
            """);
        Run(new DateTime(2026, 11, 1));
        Run(new DateTime(2026, 11, 2));
        var history = new TagHistory(_workspace.Database);
        var runs = history.Runs();
        runs.Count.ShouldBe(3);
        return (history, runs[0], runs[1], runs[2]);
    }

    [Fact]
    public void Run_ThreeRuns_IntervalsAsWrittenByHand_UnchangedRunWritesNothing()
    {
        ThreeRuns();

        var rows = _workspace.Rows("SELECT tag, oneid, value, valid_from, valid_to FROM tag_history ORDER BY tag, oneid, valid_from");
        rows.Select(r => $"{r[0]} {r[1]} {r[2]} {r[3]}-{r[4]}").ShouldBe([
            "city P1 上海 1-2", "city P2 北京 1-", "city P3 广州 2-", "city P4 杭州 2-",
            "level P1 高 1-2", "level P2 低 1-2", "level P2 高 2-", "level P3 低 1-", "level P4 低 2-"]);
        _workspace.Database.Scalar<long>("SELECT count(*) FROM tag_history WHERE valid_from = 3 OR valid_to = 3").ShouldBe(0);
        _workspace.Database.TableExists("tag_values").ShouldBeFalse();
    }

    [Fact]
    public void ValuesAt_RunOrDate_LastRunAtOrBefore()
    {
        var (history, r1, _, r3) = ThreeRuns();

        Values(r1, "level").ShouldBe(["P1 高", "P2 低", "P3 低"]);
        Values(r3, "level").ShouldBe(["P2 高", "P3 低", "P4 低"]);
        history.At(new DateTime(2026, 10, 15))!.RunId.ShouldBe(r1.RunId);
        history.At(new DateTime(2026, 11, 1))!.Seq.ShouldBe(2);
        history.At(new DateTime(2026, 9, 1)).ShouldBeNull();
        history.ValuesOf("P3", r1).ShouldBe(new Dictionary<string, string> { ["level"] = "低" }); // no city then
        history.ValuesOf("P3", r3).ShouldBe(new Dictionary<string, string> { ["level"] = "低", ["city"] = "广州" });
    }

    [Fact]
    public void PersonHistory_OneTagOrAll()
    {
        var (history, r1, r2, _) = ThreeRuns();

        history.PersonHistory("P2", "level").Select(i => (i.Value, i.From.Seq, i.To?.Seq)).ShouldBe([("低", 1, (int?)2), ("高", 2, null)]);
        history.PersonHistory("P1").Select(i => (i.Tag, i.Value, i.From.RunId, i.To?.RunId)).ShouldBe([("city", "上海", r1.RunId, r2.RunId), ("level", "高", r1.RunId, r2.RunId)]);
        history.PersonHistory("P9").ShouldBeEmpty();
    }

    [Fact]
    public void Movement_EnteredAndLeftAValue()
    {
        var (history, r1, r2, r3) = ThreeRuns();

        var high = history.Movement("level", "高", r1, r3);
        high.Entered.ShouldBe(["P2"]);
        high.Left.ShouldBe(["P1"]);
        var low = history.Movement("level", "低", r1, r2);
        low.Entered.ShouldBe(["P4"]);
        low.Left.ShouldBe(["P2"]);
        history.Movement("level", "高", r2, r3).Entered.ShouldBeEmpty();
    }

    [Fact]
    public void Changes_BetweenRuns_BeforeAndAfter()
    {
        var (_, r1, r2, r3) = ThreeRuns();

        Changes(r1, r2).ShouldBe([
            "P1 city 上海→∅", "P1 level 高→∅", "P2 level 低→高", "P3 city ∅→广州", "P4 city ∅→杭州", "P4 level ∅→低"]);
        Changes(r1, r3).ShouldBe(Changes(r1, r2));
        Changes(r2, r3).ShouldBeEmpty();
    }

    [Fact]
    public void Distribution_AtARun()
    {
        var (history, r1, r2, _) = ThreeRuns();

        history.Distribution("level", r2).ShouldBe([("低", 2L), ("高", 1L)]);
        history.Distribution("level", r1).ShouldBe([("低", 2L), ("高", 1L)]);
        history.Distribution("city", r1).ShouldBe([("上海", 1L), ("北京", 1L)]);
    }

    /// <summary>
    /// An older workspace: three runs kept as snapshots; the second computed only level and had no row for P3
    /// (no value then). By hand: P1's level 高 in runs 1–2, 低 from 3; P3's 低 in run 1, none in 2, 低 again in 3;
    /// P1's city, not computed by run 2, holds from run 1 on.
    /// </summary>
    [Fact]
    public void Ensure_OldSnapshots_ConvertedOnceToIntervalsAndDropped()
    {
        _workspace.Database.Execute("""
            CREATE TABLE tag_runs (run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP, as_of TIMESTAMP, tags VARCHAR, persons BIGINT, status VARCHAR);
            INSERT INTO tag_runs VALUES
                ('Tb', NULL, TIMESTAMP '2026-10-02 00:00:00', TIMESTAMP '2026-10-02', 'level', 3, 'ok'),
                ('Ta', NULL, TIMESTAMP '2026-10-01 00:00:00', TIMESTAMP '2026-10-01', 'level,city', 3, 'ok'),
                ('Tc', NULL, TIMESTAMP '2026-10-03 00:00:00', TIMESTAMP '2026-10-03', 'level,city', 3, 'ok');
            CREATE TABLE tag_values (run_id VARCHAR, oneid VARCHAR, tag VARCHAR, value VARCHAR);
            INSERT INTO tag_values VALUES
                ('Ta', 'P1', 'level', '高'), ('Ta', 'P1', 'city', '上海'), ('Ta', 'P2', 'level', '低'), ('Ta', 'P3', 'level', '低'),
                ('Tb', 'P1', 'level', '高'), ('Tb', 'P2', 'level', '高'),
                ('Tc', 'P1', 'level', '低'), ('Tc', 'P1', 'city', '上海'), ('Tc', 'P2', 'level', '高'), ('Tc', 'P2', 'city', '北京'), ('Tc', 'P3', 'level', '低');
            """);

        TagTables.Ensure(_workspace.Database);
        TagTables.Ensure(_workspace.Database); // once only

        _workspace.Database.TableExists("tag_values").ShouldBeFalse();
        _workspace.Rows("SELECT run_id, seq FROM tag_run_order ORDER BY seq").Select(r => $"{r[0]} {r[1]}").ShouldBe(["Ta 1", "Tb 2", "Tc 3"]);
        _workspace.Rows("SELECT tag, oneid, value, valid_from, valid_to FROM tag_history ORDER BY tag, oneid, valid_from")
            .Select(r => $"{r[0]} {r[1]} {r[2]} {r[3]}-{r[4]}").ShouldBe([
                "city P1 上海 1-", "city P2 北京 3-",
                "level P1 高 1-3", "level P1 低 3-", "level P2 低 1-2", "level P2 高 2-", "level P3 低 1-2", "level P3 低 3-"]);
        var history = new TagHistory(_workspace.Database);
        Values(history.Run("Tb")!, "city").ShouldBe(["P1 上海"]);
    }

    private List<string> Values(TagHistoryRun run, string tag)
    {
        var query = TagHistory.ValuesAt(run, [tag]);
        return [.. _workspace.Database.Rows($"SELECT oneid, value FROM ({query.Sql}) ORDER BY oneid", [.. query.Parameters]).Select(r => $"{r[0]} {r[1]}")];
    }

    private List<string> Changes(TagHistoryRun since, TagHistoryRun until)
    {
        var query = TagHistory.Changes(since, until);
        return [.. _workspace.Database.Rows($"SELECT oneid, tag, before, after FROM ({query.Sql}) ORDER BY oneid, tag", [.. query.Parameters])
            .Select(r => $"{r[0]} {r[1]} {r[2] ?? "∅"}→{r[3] ?? "∅"}")];
    }

    public void Dispose() => _workspace.Dispose();
}
