using System.Text.Json;
using Shouldly;

namespace TagCenter.Cli.Tests.Commands;

/// <summary>
/// <c>tagcenter recommend</c> on a loaded workspace where each customer's orders are the basket: C0001 奶粉 尿布 ·
/// C0002 奶粉 尿布 湿巾 · C0003 奶粉 湿巾 · C0004 啤酒 尿布 · C0005 啤酒 花生 (the core's hand example).
/// </summary>
public sealed class RecommendCommandTests
{
    private const string Models = """
        models:
          also_bought:
            kind: recommendation
            input: { fact: orders, category: category, basket: customer_id }
            parameters: { top: 3 }
            outputs: { items: 推荐品类 }
        """;

    private static async Task<string> Workspace()
    {
        var dir = CliRunner.TempDir();
        (await CliRunner.RunAsync("init", dir)).ExitCode.ShouldBe(0);
        var yaml = Path.Combine(dir, "tagcenter.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("      amount: { from: 实付金额, type: decimal, min: 0 }",
            "      amount: { from: 实付金额, type: decimal, min: 0 }\n      category: { from: 品类 }", StringComparison.Ordinal));
        (string Customer, string Category)[] lines =
        [
            ("C0001", "奶粉"), ("C0001", "尿布"), ("C0002", "奶粉"), ("C0002", "尿布"), ("C0002", "湿巾"), ("C0003", "奶粉"), ("C0003", "湿巾"),
            ("C0004", "啤酒"), ("C0004", "尿布"), ("C0005", "啤酒"), ("C0005", "花生"),
        ];
        File.WriteAllLines(Path.Combine(dir, "data", "orders.csv"),
            ["订单号,客户编号,下单时间,实付金额,品类", .. lines.Select((l, i) => $"O{i:D3},{l.Customer},2026-10-{i + 1:D2} 12:00:00,10.00,{l.Category}")]);
        File.WriteAllText(Path.Combine(dir, "tags", "推荐.yaml"), "path: 偏好\ntags:\n  推荐品类: { code: recommended, kind: model, type: list }\n");
        Directory.CreateDirectory(Path.Combine(dir, "models"));
        File.WriteAllText(Path.Combine(dir, "models", "推荐.yaml"), Models);
        (await CliRunner.RunAsync("apply", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);
        var refresh = await CliRunner.RunAsync("refresh", "-w", dir, "--as-of", "2026-11-01");
        refresh.ExitCode.ShouldBe(0, refresh.Out + refresh.Err);
        return dir;
    }

    [Fact]
    public async Task Recommend_HandExample_ItemsNotBoughtWithScoresAndBecause()
    {
        var dir = await Workspace();
        var json = await CliRunner.RunAsync("recommend", "C0001", "-w", dir, "--json");
        var console = await CliRunner.RunAsync("recommend", "C0001", "-w", dir, "--lang", "zh", "--top", "1");

        json.ExitCode.ShouldBe(0, json.Out + json.Err);
        var items = JsonDocument.Parse(json.Out).RootElement.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("item").GetString(), i.GetProperty("score").GetInt64(), i.GetProperty("because").GetString())).ToList();
        // 湿巾: with 奶粉 (C0002, C0003) + with 尿布 (C0002) = 3, mostly because of 奶粉; 啤酒: with 尿布 (C0004) = 1; 花生: none.
        items.ShouldBe([("湿巾", 3L, "奶粉"), ("啤酒", 1L, "尿布")]);
        console.ExitCode.ShouldBe(0, console.Err);
        console.Out.ShouldContain("湿巾");
        console.Out.ShouldNotContain("啤酒");
        console.Out.ShouldContain("因为买过");
    }

    [Fact]
    public async Task Recommend_UnknownPersonOrBadTop_ClearErrors()
    {
        var dir = await Workspace();
        var unknown = await CliRunner.RunAsync("recommend", "C9999", "-w", dir, "--json");
        var top = await CliRunner.RunAsync("recommend", "C0001", "-w", dir, "--top", "0");
        unknown.ExitCode.ShouldNotBe(0);
        unknown.Err.ShouldContain("C9999");
        top.ExitCode.ShouldNotBe(0);
        top.Err.ShouldContain("--top");
    }
}
