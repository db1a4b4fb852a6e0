using System.Text.Json;
using Shouldly;

namespace TagCenter.Cli.Tests.Commands;

/// <summary>
/// Segments on the starter workspace, figures checked by hand against its orders.csv: as of 2026-11-01, 近90天消费金额 is
/// 387.50 for C0001 (上海), 1299.00 for C0002 (广州) and nothing for C0003 (北京, whose order is from 2025).
/// </summary>
public sealed class SegmentCommandTests
{
    private static async Task<string> StarterAsync()
    {
        var dir = CliRunner.TempDir();
        (await CliRunner.RunAsync("init", dir)).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("apply", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);
        var refresh = await CliRunner.RunAsync("refresh", "-w", dir, "--as-of", "2026-11-01");
        refresh.ExitCode.ShouldBe(0, refresh.Err);
        return dir;
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public async Task CreateCountExportExplain_Starter_HandCheckedMembers()
    {
        var dir = await StarterAsync();

        var create = await CliRunner.RunAsync("segment", "create", "上海高消费", "--rule", "城市 = '上海' and 近90天消费金额 > 300", "-w", dir, "--json");
        var count = await CliRunner.RunAsync("segment", "count", "近90天消费金额 > 100", "-w", dir, "--json");
        var export = Path.Combine(dir, "out", "seg.csv");
        var exported = await CliRunner.RunAsync("segment", "export", "上海高消费", "--tags", "近90天消费金额,城市", "--out", export, "-w", dir);
        var explain = await CliRunner.RunAsync("segment", "explain", "上海高消费", "138 0013 8000", "-w", dir, "--json");
        var list = await CliRunner.RunAsync("segment", "list", "-w", dir, "--json");

        create.ExitCode.ShouldBe(0, create.Err);
        Json(create.Out).GetProperty("size").GetInt64().ShouldBe(1);
        File.ReadAllText(Path.Combine(dir, "segments", "上海高消费.yaml")).ShouldContain("type: dynamic");
        var counted = Json(count.Out);
        (counted.GetProperty("size").GetInt64(), counted.GetProperty("persons").GetInt64()).ShouldBe((2, 3)); // C0001 and C0002
        exported.ExitCode.ShouldBe(0, exported.Err);
        var lines = File.ReadAllLines(export);
        lines[0].ShouldBe("oneid,近90天消费金额,城市");
        lines.Length.ShouldBe(2);
        lines[1].Split(',')[1..].ShouldBe(["387.50", "上海"]);
        Directory.GetFiles(Path.Combine(dir, "out")).Length.ShouldBe(1); // no temporary file left beside it
        var explained = Json(explain.Out);
        explained.GetProperty("member").GetBoolean().ShouldBeTrue();
        explained.GetProperty("predicates").EnumerateArray().Select(p => (p.GetProperty("predicate").GetString(), p.GetProperty("held").GetBoolean()))
            .ShouldBe([("城市 = '上海'", true), ("近90天消费金额 > 300", true)]);
        explained.GetProperty("predicates")[1].GetProperty("values").GetProperty("近90天消费金额").GetString().ShouldBe("387.5");
        Json(list.Out).EnumerateArray().Single().GetProperty("size").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task SecondRun_DynamicReEvaluated_TrendHasBothRuns()
    {
        var dir = await StarterAsync();
        await CliRunner.RunAsync("segment", "create", "有消费", "--rule", "近90天消费金额 > 0", "-w", dir);
        await CliRunner.RunAsync("segment", "create", "有消费静态", "--rule", "近90天消费金额 > 0", "--static", "-w", dir);

        // As of 2027-01-15 the 90 days start on 2026-10-17: only C0001's order of 10-20 (88.50) is left.
        var run = await CliRunner.RunAsync("run", "-w", dir, "--as-of", "2027-01-15", "--json");
        var trend = await CliRunner.RunAsync("segment", "trend", "有消费", "-w", dir, "--json");
        var frozen = await CliRunner.RunAsync("segment", "members", "有消费静态", "-w", dir, "--json");

        run.ExitCode.ShouldBe(0, run.Err);
        Json(run.Out).GetProperty("segments").GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ShouldBe(["有消费"]);
        Json(trend.Out).GetProperty("runs").EnumerateArray().Select(r => (r.GetProperty("size").GetInt64(), r.GetProperty("entered").GetInt64(), r.GetProperty("left").GetInt64()))
            .ShouldBe([(2L, 2L, 0L), (1L, 0L, 1L)]);
        Json(frozen.Out).GetProperty("members").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task BadInput_ClearErrorsAndExitCodes()
    {
        var dir = await StarterAsync();
        await CliRunner.RunAsync("segment", "create", "上海", "--rule", "城市 = '上海'", "-w", dir);

        var unknown = await CliRunner.RunAsync("segment", "show", "上梅", "-w", dir, "--lang", "en");
        var empty = await CliRunner.RunAsync("segment", "count", " ", "-w", dir, "--lang", "en");
        var badName = await CliRunner.RunAsync("segment", "count", "城事 = '上海'", "-w", dir, "--lang", "en");
        var badExport = await CliRunner.RunAsync("segment", "export", "上海", "--out", Path.Combine(dir, "tagcenter.yaml", "x.csv"), "-w", dir, "--lang", "en");

        unknown.ExitCode.ShouldBe(4);
        unknown.Err.ShouldContain("did you mean '上海'");
        empty.ExitCode.ShouldBe(1);
        empty.Err.ShouldContain("the rule is empty");
        badName.ExitCode.ShouldBe(2);
        badName.Err.ShouldContain("<rule>:1:1: segment 'rule': unknown name '城事'");
        badName.Err.ShouldContain("did you mean '城市'");
        badExport.ExitCode.ShouldNotBe(0);
        File.Exists(Path.Combine(dir, "tagcenter.yaml")).ShouldBeTrue();
    }

    [Fact]
    public async Task Plan_RemovingATagASegmentUses_Blocked()
    {
        var dir = await StarterAsync();
        await CliRunner.RunAsync("segment", "create", "上海", "--rule", "城市 = '上海'", "-w", dir);
        var tags = Path.Combine(dir, "tags", "基础.yaml");
        File.WriteAllText(tags, File.ReadAllText(tags).Replace("  城市:", "  城市X:", StringComparison.Ordinal).Replace("code: city", "code: city_x", StringComparison.Ordinal));

        var plan = await CliRunner.RunAsync("plan", "-w", dir, "--lang", "en");

        plan.ExitCode.ShouldBe(5, plan.Out + plan.Err);
        plan.Out.ShouldContain("segment '上海' (segments/上海.yaml:");
    }
}
