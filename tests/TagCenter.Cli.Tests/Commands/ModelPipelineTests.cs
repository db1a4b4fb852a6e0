using System.Text.Json;
using Shouldly;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Tests.Commands;

/// <summary>
/// <c>refresh</c> and <c>run</c> train the models that are due before the tags, and the tags read them. By hand: five
/// customers, C000k with 6−k paid orders of 100·(6−k) yuan, the last 10·k days before 2026-11-01. R, F and M all rank
/// them 1..5 (scores 5,4,3,2,1, mean 3): C0001 and C0002 are above the mean on all three (重要价值客户), the other
/// three below on all (一般挽留客户). The CLV model cannot fit five customers: it fails and the run goes on.
/// </summary>
public sealed class ModelPipelineTests
{
    private const string Tags = """
        path: 价值
        tags:
          RFM分层: { code: rfm_class, kind: model, type: string }
          预测CLV: { code: clv, kind: model, type: decimal }
          重要客户: { code: vip, type: bool, rule: "RFM分层 = '重要价值客户'" }
        """;

    private const string Models = """
        models:
          rfm:
            kind: rfm
            schedule: daily
            input: { fact: orders, amount: amount }
            outputs: { class: RFM分层 }
          clv:
            kind: clv
            schedule: daily
            input: { fact: orders, amount: amount }
            outputs: { clv: 预测CLV }
        """;

    private static async Task<string> Workspace(bool models)
    {
        var dir = await FiveCustomers.CreateAsync(Tags);
        if (models)
            WriteModels(dir);
        (await CliRunner.RunAsync("apply", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);
        return dir;
    }

    private static void WriteModels(string dir) => FiveCustomers.WriteModels(dir, Models);

    private static (long Valuable, long AtRisk, long Vip) Counts(string dir)
    {
        using var db = WorkspaceDatabase.Open(Path.Combine(dir, ".tagcenter", "tagcenter.duckdb"));
        var row = db.Rows("""
            SELECT count(*) FILTER (WHERE rfm_class = '重要价值客户'), count(*) FILTER (WHERE rfm_class = '一般挽留客户'), count(*) FILTER (WHERE vip)
            FROM person_tags
            """)[0];
        return (Convert.ToInt64(row[0]), Convert.ToInt64(row[1]), Convert.ToInt64(row[2]));
    }

    [Fact]
    public async Task Refresh_TrainsDueModels_TagsReadThem_AFailedModelDoesNotStopTheRun()
    {
        var dir = await Workspace(models: true);

        var refresh = await CliRunner.RunAsync("refresh", "-w", dir, "--as-of", "2026-11-01", "--json");

        refresh.ExitCode.ShouldBe(0, refresh.Out + refresh.Err);
        var json = JsonDocument.Parse(refresh.Out).RootElement;
        var models = json.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("model").GetString()!);
        models["rfm"].GetProperty("ok").GetBoolean().ShouldBeTrue();
        models["rfm"].GetProperty("persons").GetInt64().ShouldBe(5);
        models["clv"].GetProperty("ok").GetBoolean().ShouldBeFalse();
        models["clv"].GetProperty("message").GetString()!.ShouldContain("clv");
        Counts(dir).ShouldBe((2, 3, 2));

        // Trained today on a daily schedule (the failed one too): nothing is due, the values stay.
        var run = await CliRunner.RunAsync("run", "-w", dir, "--as-of", "2026-11-01", "--lang", "en");
        run.ExitCode.ShouldBe(0, run.Out + run.Err);
        run.Out.ShouldContain("no model is due for training");
        run.Out.ShouldContain("model tag 预测CLV has no trained model yet");
        Counts(dir).ShouldBe((2, 3, 2));
    }

    [Fact]
    public async Task Run_TrainsModelsAppliedSinceTheLastRefresh()
    {
        var dir = await Workspace(models: false);
        (await CliRunner.RunAsync("refresh", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);
        Counts(dir).ShouldBe((0, 0, 0));
        WriteModels(dir);
        (await CliRunner.RunAsync("apply", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);

        var run = await CliRunner.RunAsync("run", "-w", dir, "--as-of", "2026-11-01", "--lang", "en");

        run.ExitCode.ShouldBe(0, run.Out + run.Err);
        run.Out.ShouldContain("model rfm version 1: 5 persons · 2 重要价值客户 (champions)");
        run.Out.ShouldContain("model clv failed to train");
        Counts(dir).ShouldBe((2, 3, 2));
    }
}
