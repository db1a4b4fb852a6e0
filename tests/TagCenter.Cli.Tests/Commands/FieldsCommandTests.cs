using System.Text.Json;
using Shouldly;

namespace TagCenter.Cli.Tests.Commands;

/// <summary><c>fields</c> and <c>tag suggest</c> on the starter workspace (three customers, four orders).</summary>
public sealed class FieldsCommandTests
{
    private static async Task<string> StarterAsync()
    {
        var dir = CliRunner.TempDir();
        (await CliRunner.RunAsync("init", dir)).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("apply", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("refresh", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);
        return dir;
    }

    [Fact]
    public async Task Fields_Starter_ClassesInJsonAndInventoryFilesWritten()
    {
        var dir = await StarterAsync();
        var folder = Path.Combine(dir, "inventory");

        var result = await CliRunner.RunAsync("fields", "-w", dir, "--json", "--out", folder);

        result.ExitCode.ShouldBe(0, result.Err);
        var fields = JsonDocument.Parse(result.Out).RootElement.GetProperty("fields").EnumerateArray()
            .ToDictionary(f => $"{f.GetProperty("table").GetString()}.{f.GetProperty("column").GetString()}");
        fields["src_customers.city"].GetProperty("class").GetString().ShouldBe("core");
        fields["src_customers.city"].GetProperty("tags")[0].GetString().ShouldBe("城市");
        fields["src_orders.amount"].GetProperty("tags")[0].GetString().ShouldBe("近90天消费金额");
        fields["src_customers.total_spent"].GetProperty("class").GetString().ShouldBe("auxiliary");
        fields["src_customers.customer_id"].GetProperty("rows").GetInt64().ShouldBe(3);
        fields["src_customers.customer_id"].GetProperty("distinct").GetInt64().ShouldBe(3);
        File.ReadAllBytes(Path.Combine(folder, "field-inventory.csv"))[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        File.ReadAllText(Path.Combine(folder, "field-inventory.md")).ShouldContain("| city |");
    }

    [Fact]
    public async Task TagSuggest_Write_DraftsThatPlanShowsAsAdded()
    {
        var dir = await StarterAsync();

        var suggest = await CliRunner.RunAsync("tag", "suggest", "orders.amount", "-w", dir, "--write", "--lang", "en");
        var plan = await CliRunner.RunAsync("plan", "-w", dir, "--as-of", "2026-11-01", "--json");
        var wrong = await CliRunner.RunAsync("tag", "suggest", "orders.amout", "-w", dir, "--lang", "en");

        suggest.ExitCode.ShouldBe(0, suggest.Err);
        File.ReadAllText(Path.Combine(dir, "tags", "suggested", "orders.yaml")).ShouldContain("status: draft");
        plan.ExitCode.ShouldBe(0, plan.Err);
        var added = JsonDocument.Parse(plan.Out).RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        added.ShouldContain("orders_amount_sum_30d");
        added.ShouldNotContain("orders_amount_sum_90d"); // the starter's 近90天消费金额 already computes it
        suggest.Out.ShouldContain("近90天消费金额");
        wrong.ExitCode.ShouldBe(4);
        wrong.Err.ShouldContain("did you mean 'amount'");
    }
}
