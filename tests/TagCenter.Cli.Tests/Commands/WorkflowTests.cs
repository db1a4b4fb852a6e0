using System.Text.Json;
using Shouldly;

namespace TagCenter.Cli.Tests.Commands;

/// <summary>A newcomer's path through the starter workspace: init, apply, refresh, profile, export — figures checked by hand.</summary>
public sealed class WorkflowTests
{
    [Fact]
    public async Task Starter_ApplyRefresh_TagsComputedAsHandChecked()
    {
        var dir = CliRunner.TempDir();
        (await CliRunner.RunAsync("init", dir)).ExitCode.ShouldBe(0);

        var apply = await CliRunner.RunAsync("apply", "-w", dir, "--as-of", "2026-11-01", "--json");
        var refresh = await CliRunner.RunAsync("refresh", "-w", dir, "--as-of", "2026-11-01", "--json");

        apply.ExitCode.ShouldBe(0, apply.Err);
        refresh.ExitCode.ShouldBe(0, refresh.Err);
        var result = JsonDocument.Parse(refresh.Out).RootElement;
        result.GetProperty("identity").GetProperty("persons").GetInt64().ShouldBe(3); // C0001..C0003
        result.GetProperty("tags").GetProperty("tags").GetArrayLength().ShouldBe(2);

        var export = Path.Combine(dir, "tags.csv");
        (await CliRunner.RunAsync("export", "tags", "-w", dir, "--out", export)).ExitCode.ShouldBe(0);
        var rows = File.ReadAllLines(export).Skip(1).Select(l => l.Split(',')).ToList();
        rows.Count.ShouldBe(3);
        // orders.csv by hand: C0001 299.00 + 88.50 in the 90 days before 2026-11-01; C0002 1299.00; C0003's is from 2025.
        var header = File.ReadAllLines(export)[0].Split(',').ToList();
        var spend = header.IndexOf("spend_90d");
        var city = header.IndexOf("city");
        rows.Select(r => r[spend]).Order().ShouldBe(["", "1299.00", "387.50"]);
        rows.Select(r => r[city]).Order().ShouldBe(["上海", "北京", "广州"]);

        var profile = await CliRunner.RunAsync("profile", "138 0013 8000", "-w", dir, "--json");
        profile.ExitCode.ShouldBe(0, profile.Err);
        var tags = JsonDocument.Parse(profile.Out).RootElement.GetProperty("tags");
        tags.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "spend_90d").GetProperty("value").GetString().ShouldBe("387.50");

        var again = await CliRunner.RunAsync("refresh", "-w", dir, "--json");
        var second = JsonDocument.Parse(again.Out).RootElement;
        second.GetProperty("identity").ValueKind.ShouldBe(JsonValueKind.Null); // nothing loaded: identity is not re-run
    }

    [Fact]
    public async Task Profile_BeforeIdentity_SaysRunIdentityFirst()
    {
        var dir = CliRunner.TempDir();
        await CliRunner.RunAsync("init", dir);
        await CliRunner.RunAsync("load", "-w", dir);

        var result = await CliRunner.RunAsync("profile", "C0001", "-w", dir, "--lang", "en");

        result.ExitCode.ShouldBe(4);
        result.Err.ShouldContain("tagcenter identity run");
    }

    [Fact]
    public async Task RemovedSource_RunWarnsStale_RefreshDropsItsFacts()
    {
        var dir = CliRunner.TempDir();
        await CliRunner.RunAsync("init", dir);
        await CliRunner.RunAsync("apply", "-w", dir);
        (await CliRunner.RunAsync("refresh", "-w", dir)).ExitCode.ShouldBe(0);
        var yaml = Path.Combine(dir, "tagcenter.yaml");
        var text = File.ReadAllText(yaml);
        var start = text.IndexOf("  orders:", StringComparison.Ordinal);
        var end = text.IndexOf("  # A PostgreSQL table", StringComparison.Ordinal);
        File.WriteAllText(yaml, text[..start] + text[end..]);
        File.WriteAllText(Path.Combine(dir, "tags", "基础.yaml"), File.ReadAllText(Path.Combine(dir, "tags", "基础.yaml")).Split("  近90天消费金额:")[0]);
        (await CliRunner.RunAsync("apply", "-w", dir)).ExitCode.ShouldBe(0);

        var status = await CliRunner.RunAsync("status", "-w", dir, "--json");
        var run = await CliRunner.RunAsync("run", "-w", dir, "--lang", "en");
        var refresh = await CliRunner.RunAsync("refresh", "-w", dir, "--json");
        var after = await CliRunner.RunAsync("status", "-w", dir, "--json");

        var identity = JsonDocument.Parse(status.Out).RootElement.GetProperty("stages")[1];
        identity.GetProperty("fresh").GetBoolean().ShouldBeFalse();
        identity.GetProperty("reasons").EnumerateArray().ShouldContain(r => r.GetString()!.Contains("fact_orders"));
        run.Out.ShouldContain("stale input");
        run.Out.ShouldContain("fact_orders");
        JsonDocument.Parse(refresh.Out).RootElement.GetProperty("dropped_facts")[0].GetString().ShouldBe("fact_orders");
        JsonDocument.Parse(after.Out).RootElement.GetProperty("stages").EnumerateArray().ShouldAllBe(s => s.GetProperty("fresh").GetBoolean());
    }

    [Fact]
    public async Task Apply_RemovingATagInUse_ExitCode5()
    {
        var dir = CliRunner.TempDir();
        await CliRunner.RunAsync("init", dir);
        File.AppendAllText(Path.Combine(dir, "tags", "基础.yaml"), "  上海客户:\n    code: in_shanghai\n    type: bool\n    rule: 城市 = '上海'\n");
        (await CliRunner.RunAsync("apply", "-w", dir)).ExitCode.ShouldBe(0);
        var tags = Path.Combine(dir, "tags", "基础.yaml");
        var text = File.ReadAllText(tags);
        var start = text.IndexOf("  城市:", StringComparison.Ordinal);
        var end = text.IndexOf("  近90天消费金额:", StringComparison.Ordinal);
        File.WriteAllText(tags, text[..start] + text[end..]);

        var result = await CliRunner.RunAsync("apply", "-w", dir, "--lang", "en");

        result.ExitCode.ShouldBe(5, result.Out + result.Err);
    }

    [Fact]
    public async Task Apply_BeforeAnyData_ChecksRulesAgainstTheDeclarations()
    {
        var dir = CliRunner.TempDir();
        await CliRunner.RunAsync("init", dir);
        File.AppendAllText(Path.Combine(dir, "tags", "基础.yaml"), "  坏标签:\n    code: bad\n    type: int\n    rule: >-\n      count('orders', within: 7d) + 城市名\n");

        var result = await CliRunner.RunAsync("apply", "-w", dir, "--lang", "en");
        var status = await CliRunner.RunAsync("run", "-w", dir, "--json");

        result.ExitCode.ShouldBe(2, result.Out + result.Err);
        result.Err.ShouldContain("城市名");
        result.Err.ShouldContain("tags/基础.yaml:22:");
        status.ExitCode.ShouldBe(2); // nothing was published
    }

    [Fact]
    public async Task Status_AfterAFailedLoad_SaysWhyAndThatTheOldRowsStay()
    {
        var dir = CliRunner.TempDir();
        await CliRunner.RunAsync("init", dir);
        var first = await CliRunner.RunAsync("load", "-w", dir, "--lang", "en");
        first.ExitCode.ShouldBe(0);
        File.Delete(Path.Combine(dir, "data", "customers.csv"));

        (await CliRunner.RunAsync("load", "-w", dir)).ExitCode.ShouldBe(3);
        var json = await CliRunner.RunAsync("status", "-w", dir, "--json");
        var text = await CliRunner.RunAsync("status", "-w", dir, "--lang", "en");

        var customers = JsonDocument.Parse(json.Out).RootElement.GetProperty("sources")[0];
        customers.GetProperty("last_status").GetString().ShouldBe("failed");
        customers.GetProperty("error").GetString().ShouldNotBeNull().ShouldContain("customers.csv");
        customers.GetProperty("loaded").GetInt64().ShouldBe(3); // the three rows of the first load are still there
        text.Out.ShouldContain("still in place");
        // The starter's C0003 has a 10-digit phone: nulled (row kept), never counted as a quarantined row.
        var phone = customers.GetProperty("top_reasons").EnumerateArray().Single(r => r.GetProperty("column").GetString() == "phone");
        phone.GetProperty("action").GetString().ShouldBe("nulled");
        phone.GetProperty("count").GetInt64().ShouldBe(1);
        first.Out.ShouldContain("nulled: phone invalid(phone) 1");
    }

    [Fact]
    public async Task Governance_ConventionBreaksInPlan_PinnedFieldDisagreementInFields()
    {
        var dir = CliRunner.TempDir();
        await CliRunner.RunAsync("init", dir);
        File.AppendAllText(Path.Combine(dir, "tagcenter.yaml"), """

            fields:
              customers.gender: redundant      # pinned against the evidence: a golden field reads it
            conventions:
              tags:
                path_depth: 2
                required: [owner]

            """);

        var plan = await CliRunner.RunAsync("plan", "-w", dir, "--json");
        await CliRunner.RunAsync("apply", "-w", dir);
        await CliRunner.RunAsync("refresh", "-w", dir);
        var fields = await CliRunner.RunAsync("fields", "-w", dir, "--json");

        plan.ExitCode.ShouldBe(0, plan.Err);
        // The starter's two tags sit at 基础属性/示例 (2 levels) and name no owner: two breaks, both of 'required'.
        var breaks = JsonDocument.Parse(plan.Out).RootElement.GetProperty("convention_breaks").EnumerateArray().ToList();
        breaks.Select(b => b.GetProperty("rule").GetString()).ShouldBe(["required", "required"]);
        fields.ExitCode.ShouldBe(0, fields.Err);
        var gender = JsonDocument.Parse(fields.Out).RootElement.GetProperty("fields").EnumerateArray()
            .Single(f => f.GetProperty("table").GetString() == "src_customers" && f.GetProperty("column").GetString() == "gender");
        gender.GetProperty("class").GetString().ShouldBe("redundant");
        gender.GetProperty("evidence_class").GetString().ShouldBe("core");
        gender.GetProperty("pin_disagrees").GetBoolean().ShouldBeTrue();
    }
}
