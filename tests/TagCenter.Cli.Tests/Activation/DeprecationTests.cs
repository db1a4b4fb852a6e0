using System.Text.Json;
using Shouldly;
using TagCenter.Demo;

namespace TagCenter.Cli.Tests.Activation;

/// <summary>
/// <c>deprecated:</c> through plan/apply. On the demo workspace, 客单价 is read by one trigger (沉默高客单召回's rule) and
/// the segment 高价值沉默 by one trigger (高价值沉默规模告警) and one experiment (高价值沉默召回实验): read off the sample
/// files, so deprecating both must warn exactly those three users and block nothing.
/// </summary>
public sealed class DeprecationTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    private static async Task<string> DemoAppliedAsync()
    {
        var dir = CliRunner.TempDir();
        SampleWorkspace.WriteTo(dir);
        var apply = await CliRunner.RunAsync("apply", "-w", dir, "--as-of", "2026-11-01");
        apply.ExitCode.ShouldBe(0, apply.Out + apply.Err);
        return dir;
    }

    private static void Deprecate(string dir)
    {
        var tags = Path.Combine(dir, "tags", "交易.yaml");
        var text = File.ReadAllText(tags);
        text.ShouldContain("  客单价:\n    code: avg_order_value\n");
        File.WriteAllText(tags, text.Replace("  客单价:\n    code: avg_order_value\n", "  客单价:\n    code: avg_order_value\n    deprecated: \"改用 近90天客单价\"\n", StringComparison.Ordinal));
        File.AppendAllText(Path.Combine(dir, "segments", "高价值沉默.yaml"), "deprecated: \"并入 高价值流失风险\"\n");
    }

    [Fact]
    public async Task Plan_DeprecatedTagAndSegment_ChangeAndAWarningPerUser_NotBlocked()
    {
        var dir = await DemoAppliedAsync();
        Deprecate(dir);

        var plan = await CliRunner.RunAsync("plan", "-w", dir, "--as-of", "2026-11-01", "--json");

        plan.ExitCode.ShouldBe(0, plan.Err);
        var json = Json(plan.Out);
        json.GetProperty("blocked").GetBoolean().ShouldBeFalse();
        json.GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("action").GetString(), c.GetProperty("name").GetString()))
            .ShouldBe([("deprecated", "客单价")]);
        json.GetProperty("deprecations").EnumerateArray()
            .Select(d => (d.GetProperty("kind").GetString(), d.GetProperty("name").GetString(), d.GetProperty("user_kind").GetString(), d.GetProperty("user").GetString(), d.GetProperty("file").GetString()))
            .ShouldBe([
                ("tag", "客单价", "trigger", "沉默高客单召回", "triggers/沉默高客单召回.yaml"),
                ("segment", "高价值沉默", "trigger", "高价值沉默规模告警", "triggers/高价值沉默规模告警.yaml"),
                ("segment", "高价值沉默", "experiment", "高价值沉默召回实验", "experiments/高价值沉默召回实验.yaml"),
            ], ignoreOrder: true);
        var console = await CliRunner.RunAsync("plan", "-w", dir, "--as-of", "2026-11-01", "--lang", "en");
        console.Out.ShouldContain("deprecate: 改用 近90天客单价");
        (console.Out + console.Err).ShouldContain("trigger '沉默高客单召回' uses the deprecated tag '客单价' (改用 近90天客单价)");
    }

    [Fact]
    public async Task Apply_Deprecation_PublishedThenNoChange_WarningsStay()
    {
        var dir = await DemoAppliedAsync();
        Deprecate(dir);

        var apply = await CliRunner.RunAsync("apply", "-w", dir, "--as-of", "2026-11-01", "--json");
        var again = await CliRunner.RunAsync("plan", "-w", dir, "--as-of", "2026-11-01", "--json");

        apply.ExitCode.ShouldBe(0, apply.Err);
        Json(apply.Out).GetProperty("applied").GetBoolean().ShouldBeTrue();
        Json(again.Out).GetProperty("changes").GetArrayLength().ShouldBe(0); // the published 客单价 carries the reason now
        Json(again.Out).GetProperty("deprecations").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task Plan_EvaluatedSegmentDeprecated_DeprecateChangeUntilApplied()
    {
        var dir = CliRunner.TempDir();
        (await CliRunner.RunAsync("init", dir)).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("apply", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("refresh", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("segment", "create", "上海", "--rule", "城市 = '上海'", "-w", dir)).ExitCode.ShouldBe(0);
        File.AppendAllText(Path.Combine(dir, "segments", "上海.yaml"), "deprecated: \"改用 华东\"\n");

        var plan = await CliRunner.RunAsync("plan", "-w", dir, "--json");
        (await CliRunner.RunAsync("apply", "-w", dir)).ExitCode.ShouldBe(0);
        var after = await CliRunner.RunAsync("plan", "-w", dir, "--json");

        plan.ExitCode.ShouldBe(0, plan.Err);
        Json(plan.Out).GetProperty("segments").EnumerateArray().Select(s => (s.GetProperty("action").GetString(), s.GetProperty("name").GetString()))
            .ShouldBe([("deprecated", "上海")]);
        Json(after.Out).GetProperty("segments").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Plan_EmptyDeprecatedReason_DiagnosticAtTheKey()
    {
        var dir = await DemoAppliedAsync();
        File.AppendAllText(Path.Combine(dir, "segments", "高价值沉默.yaml"), "deprecated: \"\"\n");

        var plan = await CliRunner.RunAsync("plan", "-w", dir, "--lang", "en");

        plan.ExitCode.ShouldBe(2);
        (plan.Out + plan.Err).ShouldContain("高价值沉默.yaml:");
        (plan.Out + plan.Err).ShouldContain("deprecated needs a reason or replacement");
    }

    [Fact]
    public async Task Review_Candidates_SuggestTheDeprecatedLine()
    {
        var dir = await DemoAppliedAsync();

        var review = await CliRunner.RunAsync("review", "-w", dir, "--json", "--lang", "en");

        review.ExitCode.ShouldBe(0, review.Err);
        // 18-25岁上海近30天未下单: no board, trigger or experiment uses it, and nothing was evaluated yet.
        var segment = Json(review.Out).GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "18-25岁上海近30天未下单");
        segment.GetProperty("file").GetString().ShouldBe("segments/18-25岁上海近30天未下单.yaml");
        segment.GetProperty("deprecate").GetString().ShouldBe("deprecated: \"no board, trigger or experiment uses it, and it was not read through the API or exported in 90 days; never evaluated\"");
        var console = await CliRunner.RunAsync("review", "-w", dir, "--lang", "en");
        console.Out.ShouldContain("add to '18-25岁上海近30天未下单' in segments/18-25岁上海近30天未下单.yaml: deprecated: \"");
    }
}
