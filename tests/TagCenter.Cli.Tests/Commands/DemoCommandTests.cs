using System.Text.Json;
using Shouldly;

namespace TagCenter.Cli.Tests.Commands;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_UserFolder_RefusedAndLeftAlone()
    {
        var dir = CliRunner.TempDir();
        File.WriteAllText(Path.Combine(dir, "tagcenter.yaml"), "name: mine\n");
        Directory.CreateDirectory(Path.Combine(dir, "tags"));
        File.WriteAllText(Path.Combine(dir, "tags", "my.yaml"), "path: 我的\ntags: {}\n");

        var result = await CliRunner.RunAsync("demo", "-w", dir, "--persons", "50", "--lang", "en");

        result.ExitCode.ShouldBe(1);
        result.Err.ShouldContain("--force");
        File.ReadAllText(Path.Combine(dir, "tagcenter.yaml")).ShouldBe("name: mine\n");
        File.ReadAllText(Path.Combine(dir, "tags", "my.yaml")).ShouldBe("path: 我的\ntags: {}\n");
        Directory.Exists(Path.Combine(dir, "data")).ShouldBeFalse();
    }

    [Fact]
    public async Task Demo_SmallWorkspace_EveryStageReportsNumbers()
    {
        var dir = CliRunner.TempDir();

        var result = await CliRunner.RunAsync("demo", "--workspace", dir, "--persons", "400", "--json");

        result.ExitCode.ShouldBe(0, result.Err);
        var json = JsonDocument.Parse(result.Out).RootElement;
        json.GetProperty("generated").GetProperty("persons").GetInt32().ShouldBe(400);
        var refresh = json.GetProperty("refresh");
        var loads = refresh.GetProperty("loads");
        loads.GetArrayLength().ShouldBe(8);
        // Every line the generator wrote is read: its own count of rows per file, not the loader's.
        var written = json.GetProperty("generated").GetProperty("rows").EnumerateObject().Sum(p => p.Value.GetInt64());
        loads.EnumerateArray().Sum(s => s.GetProperty("read").GetInt64()).ShouldBe(written);
        json.GetProperty("elapsed").ValueKind.ShouldBe(JsonValueKind.Number);

        var quality = json.GetProperty("identity_quality");
        quality.GetProperty("precision").GetDouble().ShouldBe(1.0); // nobody merged with a stranger
        quality.GetProperty("recall_of_linkable").GetDouble().ShouldBeGreaterThan(0.99);
        var persons = refresh.GetProperty("identity").GetProperty("persons").GetInt64();
        persons.ShouldBeGreaterThan(0);
        var again = await CliRunner.RunAsync("identity", "run", "--incremental", "--workspace", dir, "--json");
        again.ExitCode.ShouldBe(0, again.Err);
        var rerun = JsonDocument.Parse(again.Out).RootElement;
        rerun.GetProperty("incremental").GetBoolean().ShouldBeTrue();
        rerun.GetProperty("reresolved").GetInt64().ShouldBe(0);
        rerun.GetProperty("persons").GetInt64().ShouldBe(persons);
        var stats = await CliRunner.RunAsync("identity", "stats", "--workspace", dir, "--json");
        JsonDocument.Parse(stats.Out).RootElement.GetProperty("persons").GetInt64().ShouldBe(persons);
        var nobody = await CliRunner.RunAsync("profile", "nobody-at-all", "--workspace", dir);
        nobody.ExitCode.ShouldBe(4);

        // 12 computed tags, 9 model tags and 忠诚用户 (which reads the model tag RFM分层).
        refresh.GetProperty("tags").GetProperty("tags").GetArrayLength().ShouldBe(22);
        refresh.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model").GetString()).Order(StringComparer.Ordinal)
            .ShouldBe(["churn", "clusters", "clv", "lookalike_high_value_silent", "preferred_channel", "price_sensitivity", "recommended_categories", "rfm", "top3_categories"]);
        // The demo's RFM section counts the stored tag; the model's own record counts its outputs: they must agree.
        var rfmPersons = refresh.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("model").GetString() == "rfm").GetProperty("persons").GetInt64();
        var figures = json.GetProperty("models");
        figures.GetProperty("rfm_classes").EnumerateArray().Sum(c => c.GetProperty("persons").GetInt64()).ShouldBe(rfmPersons);
        figures.GetProperty("rfm_classes").GetArrayLength().ShouldBe(8);
        // CLV may not fit so few persons; the total is there exactly when it did.
        var clvTrained = refresh.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("model").GetString() == "clv").GetProperty("ok").GetBoolean();
        (figures.GetProperty("total_clv").ValueKind == JsonValueKind.Number).ShouldBe(clvTrained);
        var show = await CliRunner.RunAsync("tag", "show", "活跃度", "--workspace", dir, "--json");
        show.ExitCode.ShouldBe(0, show.Err);
        var shown = JsonDocument.Parse(show.Out).RootElement;
        shown.GetProperty("code").GetString().ShouldBe("activity_level");
        shown.GetProperty("upstream_tags")[0].GetString().ShouldBe("近30天访问次数");
        var unknown = await CliRunner.RunAsync("tag", "show", "活越度", "--workspace", dir, "--lang", "en");
        unknown.ExitCode.ShouldBe(4);
        unknown.Err.ShouldContain("活跃度");
        var plan = await CliRunner.RunAsync("plan", "--workspace", dir, "--json");
        JsonDocument.Parse(plan.Out).RootElement.GetProperty("changes").GetArrayLength().ShouldBe(0);
        var run = await CliRunner.RunAsync("run", "--tags", "活跃度", "--as-of", "2026-11-01", "--workspace", dir, "--json");
        run.ExitCode.ShouldBe(0, run.Err);
        var ran = JsonDocument.Parse(run.Out).RootElement;
        // 活跃度 and what reads it: 忠诚用户.
        ran.GetProperty("run").GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()).Order(StringComparer.Ordinal).ShouldBe(["忠诚用户", "活跃度"]);
        ran.GetProperty("as_of_instant").GetString().ShouldBe("2026-11-01T00:00:00+08:00");
        var dictionary = await CliRunner.RunAsync("tags", "dictionary", "--workspace", dir);
        dictionary.ExitCode.ShouldBe(0);
        File.ReadAllText(Path.Combine(dir, "tag-dictionary.md")).ShouldContain("活跃度");

        var status = await CliRunner.RunAsync("status", "--workspace", dir, "--lang", "zh");
        status.ExitCode.ShouldBe(0);
        status.Out.ShouldContain("crm_members");
        status.Out.ShouldContain("最新");

        var export = await CliRunner.RunAsync("export", "identities", "-w", dir, "--format", "parquet", "--json");
        export.ExitCode.ShouldBe(0, export.Err);
        var exported = JsonDocument.Parse(export.Out).RootElement;
        File.Exists(exported.GetProperty("file").GetString()).ShouldBeTrue();
        var exportAgain = await CliRunner.RunAsync("export", "identities", "-w", dir, "--format", "parquet");
        exportAgain.ExitCode.ShouldBe(1); // the file exists: refuse without --force

        var rerunDemo = await CliRunner.RunAsync("demo", "--workspace", dir, "--persons", "100", "--json");
        rerunDemo.ExitCode.ShouldBe(0, rerunDemo.Err); // a workspace the demo made may be rebuilt
    }
}
