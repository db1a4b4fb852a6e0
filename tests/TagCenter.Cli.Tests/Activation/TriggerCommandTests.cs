using System.Text.Json;
using Shouldly;

namespace TagCenter.Cli.Tests.Activation;

/// <summary>
/// Triggers on the starter workspace: as of 2026-11-01 近90天消费金额 is 387.50 for C0001, 1299.00 for C0002 and nothing
/// for C0003 (hand-checked in SegmentCommandTests), so "近90天消费金额 > 300" becomes true for two persons.
/// </summary>
public sealed class TriggerCommandTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    private static async Task<string> StarterAsync()
    {
        var dir = CliRunner.TempDir();
        (await CliRunner.RunAsync("init", dir)).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("apply", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);
        var refresh = await CliRunner.RunAsync("refresh", "-w", dir, "--as-of", "2026-11-01");
        refresh.ExitCode.ShouldBe(0, refresh.Err);
        return dir;
    }

    [Fact]
    public async Task Run_RuleTrigger_TwoTasksOnce()
    {
        var dir = await StarterAsync();
        Directory.CreateDirectory(Path.Combine(dir, "triggers"));
        File.WriteAllText(Path.Combine(dir, "triggers", "高消费.yaml"), "when: { rule: \"近90天消费金额 > 300\" }\naction: { task: { queue: 顾问 } }\n");

        var first = await CliRunner.RunAsync("trigger", "run", "-w", dir, "--json");
        var again = await CliRunner.RunAsync("trigger", "run", "-w", dir, "--json");
        var deliveries = await CliRunner.RunAsync("trigger", "deliveries", "-w", dir, "--json");

        first.ExitCode.ShouldBe(0, first.Err);
        (Json(first.Out).GetProperty("enqueued").GetInt32(), Json(first.Out).GetProperty("delivered").GetInt32()).ShouldBe((2, 2));
        Json(again.Out).GetProperty("enqueued").GetInt32().ShouldBe(0);
        Json(deliveries.Out).EnumerateArray().Select(d => d.GetProperty("status").GetString()).ShouldBe(["delivered", "delivered"]);
    }

    [Fact]
    public async Task List_UnknownSegment_WorkspaceErrorWithPosition()
    {
        var dir = await StarterAsync();
        Directory.CreateDirectory(Path.Combine(dir, "triggers"));
        File.WriteAllText(Path.Combine(dir, "triggers", "坏.yaml"), "when:\n  enters: 不存在\naction: { task: { queue: q } }\n");

        var list = await CliRunner.RunAsync("trigger", "list", "-w", dir, "--lang", "en");

        list.ExitCode.ShouldBe(2);
        (list.Out + list.Err).ShouldContain("坏.yaml:2:11");
        (list.Out + list.Err).ShouldContain("no segment named '不存在'");
    }
}
