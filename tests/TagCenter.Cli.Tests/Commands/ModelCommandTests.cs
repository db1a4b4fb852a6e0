using System.Globalization;
using System.Text.Json;
using Shouldly;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Tests.Commands;

public sealed class ModelCommandTests
{
    private const string Yaml = """
        name: t
        sources:
          orders:
            kind: csv
            path: data/orders.csv
            fact: orders
            event_time: paid_at
            columns:
              phone: { type: phone, identifier: phone }
              paid_at: { type: timestamp }
              amount: { type: decimal }
              status: {}
        """;

    private const string Tags = """
        path: 价值
        tags:
          RFM分层: { code: rfm_class, kind: model, type: string }
          订单数: { code: n_orders, type: int, rule: "count('orders')" }
        """;

    private const string Models = """
        models:
          rfm:
            kind: rfm
            input: { fact: orders, amount: amount, where: { status: paid } }
            outputs: { class: RFM分层 }
        """;

    /// <summary>A workspace whose fact_orders holds 5 persons: p1 bought most recently, most often and most.</summary>
    private static string Workspace(string models = Models)
    {
        var dir = CliRunner.TempDir();
        File.WriteAllText(Path.Combine(dir, "tagcenter.yaml"), Yaml);
        Directory.CreateDirectory(Path.Combine(dir, "tags"));
        File.WriteAllText(Path.Combine(dir, "tags", "价值.yaml"), Tags);
        Directory.CreateDirectory(Path.Combine(dir, "models"));
        File.WriteAllText(Path.Combine(dir, "models", "价值.yaml"), models);
        using var db = WorkspaceDatabase.Open(Path.Combine(dir, ".tagcenter", "tagcenter.duckdb"));
        db.Execute("CREATE TABLE fact_orders (oneid VARCHAR, event_time TIMESTAMP, amount DECIMAL(18,2), status VARCHAR)");
        for (var p = 1; p <= 5; p++)
            for (var k = 0; k <= 5 - p; k++)
                db.Execute("INSERT INTO fact_orders VALUES ($1, $2, $3, 'paid')", "p" + p.ToString(CultureInfo.InvariantCulture),
                    new DateTime(2026, 10, 1).AddDays(-10 * p - k), 100m * (6 - p));
        return dir;
    }

    [Fact]
    public async Task RunListShow_Rfm_RecordsVersionAndClassCounts()
    {
        var dir = Workspace();

        var run = await CliRunner.RunAsync("model", "run", "-w", dir, "--as-of", "2026-10-01", "--json");
        var list = await CliRunner.RunAsync("model", "list", "-w", dir, "--json");
        var show = await CliRunner.RunAsync("model", "show", "rfm", "-w", dir, "--json");
        var console = await CliRunner.RunAsync("model", "show", "rfm", "-w", dir, "--lang", "zh");

        run.ExitCode.ShouldBe(0, run.Out + run.Err);
        var trained = JsonDocument.Parse(run.Out).RootElement.GetProperty("models")[0];
        trained.GetProperty("version").GetInt32().ShouldBe(1);
        trained.GetProperty("persons").GetInt64().ShouldBe(5);
        JsonDocument.Parse(list.Out).RootElement[0].GetProperty("version_in_use").GetInt32().ShouldBe(1);
        // Five persons with distinct R, F, M: scores 5,4,3,2,1 each (mean 3); p1 and p2 are above it on all three, p3 on none.
        var counts = JsonDocument.Parse(show.Out).RootElement.GetProperty("distribution")[0].GetProperty("counts");
        counts.GetProperty("重要价值客户").GetInt64().ShouldBe(2);
        counts.GetProperty("一般挽留客户").GetInt64().ShouldBe(3);
        console.ExitCode.ShouldBe(0, console.Err);
        console.Out.ShouldContain("在用版本");
        console.Out.ShouldContain("重要价值客户");
    }

    [Fact]
    public async Task Run_ClvIntoAStringTag_WorkspaceInvalidAtTheModel()
    {
        var dir = Workspace(Models + """

              clv:
                kind: clv
                input: { fact: orders, amount: amount }
                outputs: { clv: RFM分层 }
            """);

        var run = await CliRunner.RunAsync("model", "run", "clv", "-w", dir, "--lang", "en");

        run.ExitCode.ShouldBe(2, run.Out + run.Err);
        run.Err.ShouldContain("models/价值.yaml:6:3");
    }

    [Fact]
    public async Task Run_DegenerateClv_FailsWithModelNameAndExit8()
    {
        var dir = Workspace(Models.Replace("  rfm:", "  clv:", StringComparison.Ordinal).Replace("kind: rfm", "kind: clv", StringComparison.Ordinal).Replace("class: RFM分层", "clv: 预测CLV", StringComparison.Ordinal));
        File.AppendAllText(Path.Combine(dir, "tags", "价值.yaml"), "\n  预测CLV: { code: clv, kind: model, type: decimal }\n");

        var run = await CliRunner.RunAsync("model", "run", "-w", dir, "--as-of", "2026-10-01", "--lang", "en");

        run.ExitCode.ShouldBe(8, run.Out + run.Err);
        run.Out.ShouldContain("model clv failed to train");
        run.Out.ShouldContain("only 5 customers");
        run.Out.ShouldContain("previous version stays in use");
    }

    [Fact]
    public async Task Show_UnknownModel_NotFoundWithSuggestion()
    {
        var dir = Workspace();

        var show = await CliRunner.RunAsync("model", "show", "rmf", "-w", dir, "--lang", "en");

        show.ExitCode.ShouldBe(4);
        show.Err.ShouldContain("rfm");
    }
}
