using System.Text.Json;
using Shouldly;

namespace TagCenter.Cli.Tests.Commands;

/// <summary>
/// <c>tag explain</c> on the starter workspace, checked against data/orders.csv by hand: C0001 (phone 138 0013 8000)
/// has order O1001 on line 2 (2026-10-02, 299.00) and O1002 on line 3 (2026-10-20, 88.50), both within 90 days
/// of 2026-11-01; only O1001 is over 100.
/// </summary>
public sealed class TagExplainCommandTests
{
    private const string Extra = """
        path: 测试
        tags:
          大额订单数:
            code: big_orders
            type: int
            rule: >-
              count('orders', where: amount > 100)
          高消费:
            code: high_spender
            type: bool
            rule: 近90天消费金额 > 300 and city = '上海'
        """;

    private static async Task<string> Workspace()
    {
        var dir = CliRunner.TempDir();
        (await CliRunner.RunAsync("init", dir)).ExitCode.ShouldBe(0);
        File.WriteAllText(Path.Combine(dir, "tags", "测试.yaml"), Extra);
        var apply = await CliRunner.RunAsync("apply", "-w", dir, "--as-of", "2026-11-01");
        apply.ExitCode.ShouldBe(0, apply.Err);
        var refresh = await CliRunner.RunAsync("refresh", "-w", dir, "--as-of", "2026-11-01");
        refresh.ExitCode.ShouldBe(0, refresh.Err);
        return dir;
    }

    private static async Task<JsonElement> Explain(string dir, params string[] args)
    {
        var result = await CliRunner.RunAsync(["tag", "explain", .. args, "-w", dir, "--json"]);
        result.ExitCode.ShouldBe(0, result.Err);
        return JsonDocument.Parse(result.Out).RootElement;
    }

    [Fact]
    public async Task Explain_AggregateWithWindow_ValueAndEveryCountedRowWithSourceAndLine()
    {
        var dir = await Workspace();

        var e = await Explain(dir, "近90天消费金额", "138 0013 8000");

        e.GetProperty("stored").GetString().ShouldBe("387.50");
        e.GetProperty("computed").GetString().ShouldBe("387.50");
        var aggregate = e.GetProperty("aggregates").EnumerateArray().ShouldHaveSingleItem();
        aggregate.GetProperty("value").GetString().ShouldBe("387.50");
        aggregate.GetProperty("rows").GetInt64().ShouldBe(2);
        aggregate.GetProperty("shown").EnumerateArray().Select(r => $"{r.GetProperty("source").GetString()}:{r.GetProperty("line").GetInt64()} {r.GetProperty("columns").GetProperty("amount").GetString()}")
            .ShouldBe(["orders:3 88.50", "orders:2 299.00"]); // newest first
    }

    [Fact]
    public async Task Explain_WhereFilter_OnlyMatchingRowsCount_RowsLimited()
    {
        var dir = await Workspace();

        var e = await Explain(dir, "big_orders", "C0001", "--rows", "5");
        var aggregate = e.GetProperty("aggregates").EnumerateArray().ShouldHaveSingleItem();
        aggregate.GetProperty("value").GetString().ShouldBe("1");
        aggregate.GetProperty("shown").EnumerateArray().Select(r => r.GetProperty("line").GetInt64()).ShouldBe([2L]);

        var limited = await Explain(dir, "近90天消费金额", "C0001", "--rows", "1");
        var first = limited.GetProperty("aggregates")[0];
        first.GetProperty("rows").GetInt64().ShouldBe(2);
        first.GetProperty("shown").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Explain_TagOnTags_UpstreamValuesAndFields()
    {
        var dir = await Workspace();

        var e = await Explain(dir, "高消费", "C0001");

        e.GetProperty("computed").GetString().ShouldBe("true");
        e.GetProperty("upstream_tags").EnumerateArray().Select(u => $"{u.GetProperty("code").GetString()}={u.GetProperty("value").GetString()}")
            .ShouldBe(["spend_90d=387.50"]);
        e.GetProperty("fields").EnumerateArray().Select(f => $"{f.GetProperty("field").GetString()}={f.GetProperty("value").GetString()}")
            .ShouldBe(["city=上海"]);
        e.GetProperty("aggregates").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Explain_AsOfBeforeTheRun_ComputedThenAndNothingStored()
    {
        var dir = await Workspace();

        var e = await Explain(dir, "近90天消费金额", "C0001", "--as-of", "2026-10-10");

        e.GetProperty("stored").ValueKind.ShouldBe(JsonValueKind.Null);
        e.GetProperty("computed").GetString().ShouldBe("299.00"); // O1002 (10-20) had not happened yet
        e.GetProperty("aggregates")[0].GetProperty("rows").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Explain_TableInEnglish_AndUnknownPerson()
    {
        var dir = await Workspace();

        var table = await CliRunner.RunAsync("tag", "explain", "近90天消费金额", "C0001", "-w", dir, "--lang", "en");
        var missing = await CliRunner.RunAsync("tag", "explain", "近90天消费金额", "C9999", "-w", dir, "--lang", "en");

        table.ExitCode.ShouldBe(0, table.Err);
        table.Out.ShouldContain("2 rows counted");
        table.Out.ShouldContain("orders:2");
        missing.ExitCode.ShouldNotBe(0);
        missing.Err.ShouldContain("No person holds C9999");
    }
}
