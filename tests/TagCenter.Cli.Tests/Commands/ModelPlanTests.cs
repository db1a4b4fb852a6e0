using System.Text.Json;
using Shouldly;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Tests.Commands;

/// <summary>
/// Models are part of plan/apply: <c>plan</c> lists model changes, <c>apply</c> publishes them (<c>model_catalog</c>) and
/// <c>run</c> trains what is published, not the files. By hand, as in <see cref="ModelPipelineTests"/>: five customers,
/// C000k with 6−k orders, the last 10·k days before 2026-11-01 (the k-th one's orders fall 10k … 10k+5−k days before):
/// all five in RFM's default window; a window of 25 days (from 2026-10-07) holds C0001 and C0002 only.
/// </summary>
public sealed class ModelPlanTests
{
    private const string Tags = """
        path: 价值
        tags:
          RFM分层: { code: rfm_class, kind: model, type: string }
          重要客户: { code: vip, type: bool, rule: "RFM分层 = '重要价值客户'" }
        """;

    private const string Rfm = """
        models:
          rfm:
            kind: rfm
            input: { fact: orders, amount: amount }
            outputs: { class: RFM分层 }
        """;

    private static async Task<string> Workspace()
    {
        var dir = await FiveCustomers.CreateAsync(Tags);
        (await CliRunner.RunAsync("apply", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("refresh", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);
        return dir;
    }

    private static void WriteModels(string dir, string yaml) => FiveCustomers.WriteModels(dir, yaml);

    private static long Valuable(string dir)
    {
        using var db = WorkspaceDatabase.Open(Path.Combine(dir, ".tagcenter", "tagcenter.duckdb"));
        return db.Scalar<long>("SELECT count(*) FILTER (WHERE rfm_class = '重要价值客户') FROM person_tags");
    }

    private static JsonElement ModelChanges((int ExitCode, string Out, string Err) plan) =>
        JsonDocument.Parse(plan.Out).RootElement.GetProperty("models");

    [Fact]
    public async Task Plan_NewModel_ListedAsAdded()
    {
        var dir = await Workspace();
        WriteModels(dir, Rfm);

        var json = await CliRunner.RunAsync("plan", "-w", dir, "--as-of", "2026-11-01", "--json");
        var console = await CliRunner.RunAsync("plan", "-w", dir, "--as-of", "2026-11-01", "--lang", "en");

        json.ExitCode.ShouldBe(0, json.Out + json.Err);
        var change = ModelChanges(json).EnumerateArray().Single();
        change.GetProperty("action").GetString().ShouldBe("added");
        change.GetProperty("name").GetString().ShouldBe("rfm");
        change.GetProperty("kind").GetString().ShouldBe("rfm");
        console.Out.ShouldContain("+ model rfm");
        console.Out.ShouldContain("models: 1 to add, 0 to change, 0 to remove");
    }

    [Fact]
    public async Task Run_TrainsThePublishedModel_NotTheEditedFile()
    {
        var dir = await Workspace();
        WriteModels(dir, Rfm);

        // Declared but not applied: run trains nothing.
        var before = await CliRunner.RunAsync("run", "-w", dir, "--as-of", "2026-11-01", "--lang", "en");
        before.ExitCode.ShouldBe(0, before.Out + before.Err);
        before.Out.ShouldNotContain("model rfm version");
        Valuable(dir).ShouldBe(0);

        (await CliRunner.RunAsync("apply", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);
        var first = await CliRunner.RunAsync("run", "-w", dir, "--as-of", "2026-11-01", "--lang", "en");
        first.Out.ShouldContain("model rfm version 1: 5 persons");
        Valuable(dir).ShouldBe(2);

        // Edited, not applied: the plan shows the parameter, show says it is pending, run keeps the published model.
        WriteModels(dir, Rfm.Replace("outputs:", "parameters: { window_days: 25 }\n    outputs:", StringComparison.Ordinal));
        var plan = await CliRunner.RunAsync("plan", "-w", dir, "--as-of", "2026-11-01", "--json");
        var change = ModelChanges(plan).EnumerateArray().Single();
        change.GetProperty("action").GetString().ShouldBe("changed");
        change.GetProperty("what").EnumerateArray().Select(w => w.GetString()).ShouldBe(["parameters.window_days"]);
        var pending = await CliRunner.RunAsync("model", "show", "rfm", "-w", dir, "--json");
        var published = JsonDocument.Parse(pending.Out).RootElement.GetProperty("published");
        published.GetProperty("published").GetBoolean().ShouldBeTrue();
        published.GetProperty("pending").EnumerateArray().Select(w => w.GetString()).ShouldBe(["parameters.window_days"]);
        var unchanged = await CliRunner.RunAsync("run", "-w", dir, "--as-of", "2026-11-01", "--lang", "en");
        unchanged.Out.ShouldNotContain("model rfm version 2");

        // Applied: the change is due at once (whatever the daily schedule says) and trains on the 25-day window.
        (await CliRunner.RunAsync("apply", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);
        var second = await CliRunner.RunAsync("run", "-w", dir, "--as-of", "2026-11-01", "--lang", "en");
        second.Out.ShouldContain("model rfm version 2: 2 persons");
        var show = JsonDocument.Parse((await CliRunner.RunAsync("model", "show", "rfm", "-w", dir, "--json")).Out).RootElement;
        show.GetProperty("published").GetProperty("pending").GetArrayLength().ShouldBe(0);
        show.GetProperty("version_in_use").GetProperty("version").GetInt32().ShouldBe(2);
    }

    private static async Task<JsonElement> ListRow(string dir)
    {
        var list = await CliRunner.RunAsync("model", "list", "-w", dir, "--json");
        list.ExitCode.ShouldBe(0, list.Out + list.Err);
        return JsonDocument.Parse(list.Out).RootElement.EnumerateArray().Single(r => r.GetProperty("model").GetString() == "rfm");
    }

    private static string Status(JsonElement row) => row.GetProperty("published").GetProperty("status").GetString()!;

    [Fact]
    public async Task List_PublicationStatus_NewPublishedChangedRemoved()
    {
        var dir = await Workspace();
        WriteModels(dir, Rfm);

        // Only in the files: not published, nothing in use.
        var declared = await ListRow(dir);
        Status(declared).ShouldBe("new");
        declared.GetProperty("published").GetProperty("published_at").ValueKind.ShouldBe(JsonValueKind.Null);
        (await CliRunner.RunAsync("model", "list", "-w", dir, "--lang", "en")).Out.ShouldContain("not published");
        (await CliRunner.RunAsync("model", "list", "-w", dir, "--lang", "zh")).Out.ShouldContain("未发布");

        // Applied and trained: published, in use.
        (await CliRunner.RunAsync("apply", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("run", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);
        var applied = await ListRow(dir);
        Status(applied).ShouldBe("published");
        applied.GetProperty("published").GetProperty("published_at").ValueKind.ShouldBe(JsonValueKind.String);
        applied.GetProperty("version_in_use").GetInt32().ShouldBe(1);

        // Edited, not applied: changed since publication, with what changed; the published version stays in use.
        WriteModels(dir, Rfm.Replace("outputs:", "parameters: { window_days: 25 }\n    outputs:", StringComparison.Ordinal));
        var edited = await ListRow(dir);
        Status(edited).ShouldBe("changed");
        edited.GetProperty("published").GetProperty("pending").EnumerateArray().Select(w => w.GetString()).ShouldBe(["parameters.window_days"]);
        edited.GetProperty("version_in_use").GetInt32().ShouldBe(1);
        (await CliRunner.RunAsync("model", "list", "-w", dir, "--lang", "en")).Out.ShouldContain("changed");
        var show = JsonDocument.Parse((await CliRunner.RunAsync("model", "show", "rfm", "-w", dir, "--json")).Out).RootElement;
        show.GetProperty("published").GetProperty("status").GetString().ShouldBe("changed");

        // Deleted from the files, not applied: still published (run still trains it), listed as removed.
        File.Delete(Path.Combine(dir, "models", "价值.yaml"));
        var removed = await ListRow(dir);
        Status(removed).ShouldBe("removed");
        removed.GetProperty("version_in_use").GetInt32().ShouldBe(1);
        (await CliRunner.RunAsync("model", "list", "-w", dir, "--lang", "en")).Out.ShouldContain("removed");
    }

    [Fact]
    public async Task Apply_BrokenModelFile_RefusedWithPosition()
    {
        var dir = await Workspace();
        WriteModels(dir, Rfm.Replace("kind: rfm", "kind: rfmm", StringComparison.Ordinal));

        var apply = await CliRunner.RunAsync("apply", "-w", dir, "--as-of", "2026-11-01", "--lang", "en");

        apply.ExitCode.ShouldBe(2, apply.Out + apply.Err);
        apply.Err.ShouldContain("models/价值.yaml:3:");
        using var db = WorkspaceDatabase.Open(Path.Combine(dir, ".tagcenter", "tagcenter.duckdb"));
        db.Scalar<long>("SELECT count(*) FROM model_catalog").ShouldBe(0);
    }

    [Fact]
    public async Task Apply_RemovingAModelWhoseTagIsUsed_BlockedNamingTheUsers()
    {
        var dir = await Workspace();
        WriteModels(dir, Rfm);
        (await CliRunner.RunAsync("apply", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);
        File.Delete(Path.Combine(dir, "models", "价值.yaml"));

        var apply = await CliRunner.RunAsync("apply", "-w", dir, "--as-of", "2026-11-01", "--lang", "en");
        var json = await CliRunner.RunAsync("plan", "-w", dir, "--as-of", "2026-11-01", "--json");

        apply.ExitCode.ShouldBe(5, apply.Out + apply.Err);
        apply.Out.ShouldContain("- model rfm");
        apply.Out.ShouldContain("its output tags are still used by: tag '重要客户' (tags/价值.yaml)");
        json.ExitCode.ShouldBe(5);
        var change = ModelChanges(json).EnumerateArray().Single();
        change.GetProperty("action").GetString().ShouldBe("removed");
        change.GetProperty("dependents").EnumerateArray().Select(d => d.GetString()).ShouldBe(["tag '重要客户' (tags/价值.yaml)"]);
        // Still published: run keeps training it.
        using var db = WorkspaceDatabase.Open(Path.Combine(dir, ".tagcenter", "tagcenter.duckdb"));
        db.Scalar<long>("SELECT count(*) FROM model_catalog WHERE name = 'rfm'").ShouldBe(1);
    }
}
