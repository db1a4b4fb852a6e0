using System.Text.Json;
using Shouldly;

namespace TagCenter.Cli.Tests.Commands;

/// <summary>
/// <c>export tags --run</c> reads a run's values back from the history of changes. By hand: the starter's first run
/// gives spend_90d 387.50 (C0001) and 1299.00 (C0002), C0003 none (its order is from 2025); a second run after a
/// 50.00 order of C0003 on 2026-10-25 adds 50.00 for C0003 and leaves the others as they were.
/// </summary>
public sealed class ExportRunTests
{
    [Fact]
    public async Task ExportTags_EachRun_ItsOwnValues()
    {
        var dir = CliRunner.TempDir();
        (await CliRunner.RunAsync("init", dir)).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("apply", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);
        var first = await Refresh(dir);
        File.AppendAllText(Path.Combine(dir, "data", "orders.csv"), "O1005,C0003,2026-10-25 12:00:00,50.00\n");
        var second = await Refresh(dir);

        var before = await Export(dir, first);
        var after = await Export(dir, second);

        before.Where(r => r[1] == "spend_90d").Select(r => r[2]).Order().ShouldBe(["1299.00", "387.50"]);
        after.Where(r => r[1] == "spend_90d").Select(r => r[2]).Order().ShouldBe(["1299.00", "387.50", "50.00"]);
        before.Where(r => r[1] == "city").Select(r => r[2]).Order().ShouldBe(["上海", "北京", "广州"]);
        after.Count.ShouldBe(6);
        before.ShouldAllBe(r => r[3].StartsWith("2026-11-01", StringComparison.Ordinal));
        (await CliRunner.RunAsync("export", "tags", "--run", "T-none", "-w", dir, "--out", Path.Combine(dir, "x.csv"))).ExitCode.ShouldNotBe(0);
    }

    private static async Task<string> Refresh(string dir)
    {
        var refresh = await CliRunner.RunAsync("refresh", "-w", dir, "--as-of", "2026-11-01", "--json");
        refresh.ExitCode.ShouldBe(0, refresh.Err);
        return JsonDocument.Parse(refresh.Out).RootElement.GetProperty("tags").GetProperty("run_id").GetString()!;
    }

    private static async Task<List<string[]>> Export(string dir, string run)
    {
        var file = Path.Combine(dir, $"{run}.csv");
        var export = await CliRunner.RunAsync("export", "tags", "--run", run, "-w", dir, "--out", file);
        export.ExitCode.ShouldBe(0, export.Err);
        var lines = File.ReadAllLines(file);
        lines[0].ShouldBe("oneid,tag,value,as_of");
        return [.. lines.Skip(1).Select(l => l.Split(','))];
    }
}
